import { Button, Field, Input, Select, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import {
  portalUsersInvite,
  portalUsersList,
  portalUsersRevoke,
  portalUsersUpdate,
  type PortalUsersListQuery,
} from '../api/generated.js';
import { useSession } from '../api/session.js';
import { portalRoles, type PortalRole } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useAction } from '../api/use-action.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { NotificationRecipients } from './NotificationRecipients.js';

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<PortalRole>('operator');
  const invite = useAction();
  return (
    <form
      className="form"
      aria-labelledby="invite-title"
      onSubmit={async (event) => {
        event.preventDefault();
        // The letter is "on its way" only when the provider's mailbox can send it (the API says); otherwise it waits.
        const done = await invite.run(
          () => portalUsersInvite(api, { body: { name, email, role } }),
          (invited) => t(invited.welcomeLetter === 'on_its_way' ? 'userInvited' : 'userInvitedLetterWaits', { email }),
        );
        if (done) {
          setName('');
          setEmail('');
          onInvited();
        }
      }}
    >
      <Title3 as="h2" id="invite-title">
        {t('userInviteTitle')}
      </Title3>
      <Field label={t('userName')} required>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label={t('userEmail')} required>
        <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
      </Field>
      <Field label={t('userRole')}>
        <Select value={role} onChange={(_, data) => setRole(data.value as PortalRole)}>
          {portalRoles.map((r) => (
            <option key={r} value={r}>
              {t(keyOf('role', r))}
            </option>
          ))}
        </Select>
      </Field>
      <ActionOutcome error={invite.error} done={invite.done} />
      <div>
        <Button type="submit" appearance="primary" disabled={invite.busy || !name || !email}>
          {t('userInvite')}
        </Button>
      </div>
    </form>
  );
}

/** "Portal users": who may use the portal, their roles, invitations and revocations; then who gets notified. */
export function PortalUsersPage() {
  const { t, language } = useLanguage();
  const { api, me } = useSession();
  const [sort, setSort] = useState<NonNullable<PortalUsersListQuery['sort']>>('name');
  const users = usePagedList((cursor) => portalUsersList(api, { query: { sort, cursor } }), `portal-users-${sort}`);
  const change = useAction();

  async function act(run: () => Promise<unknown>, success: string) {
    if (await change.run(run, success)) users.state.reload();
  }

  return (
    <section className="page" aria-labelledby="users-title">
      <Title2 as="h1" id="users-title">
        {t('usersTitle')}
      </Title2>
      <ActionOutcome error={change.error} done={change.done} />
      <PagedTable
        list={users}
        labelledBy="users-title"
        emptyText={t('usersEmpty')}
        rowKey={(user) => user.id}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          { id: 'name', header: t('userName'), sortField: 'name', cell: (user) => user.name },
          { id: 'email', header: t('userEmail'), sortField: 'email', cell: (user) => user.email },
          {
            id: 'role',
            header: t('userRole'),
            cell: (user) => (
              <Select
                aria-label={`${t('userRole')} ${user.email}`}
                value={user.role}
                disabled={user.status === 'revoked' || change.busy || user.email === me.email}
                onChange={(_, data) =>
                  void act(
                    () => portalUsersUpdate(api, { params: { id: user.id }, body: { role: data.value as PortalRole } }),
                    t('userRoleChanged', { email: user.email }),
                  )
                }
              >
                {portalRoles.map((r) => (
                  <option key={r} value={r}>
                    {t(keyOf('role', r))}
                  </option>
                ))}
              </Select>
            ),
          },
          { id: 'state', header: t('userState'), cell: (user) => t(keyOf('state', user.status)) },
          {
            id: 'lastSignIn',
            header: t('userLastSignIn'),
            cell: (user) => formatDateTime(user.lastSignInAt, language, t('never')),
          },
          {
            id: 'revoke',
            header: t('userRevoke'),
            hiddenHeader: true,
            cell: (user) =>
              user.status !== 'revoked' &&
              user.email !== me.email && (
                <ConfirmButton
                  label={t('userRevoke')}
                  question={t('userRevokeConfirm', { email: user.email })}
                  disabled={change.busy}
                  onConfirm={() =>
                    void act(
                      () => portalUsersRevoke(api, { params: { id: user.id } }),
                      t('userRevoked', { email: user.email }),
                    )
                  }
                />
              ),
          },
        ]}
      />
      <InviteForm onInvited={users.state.reload} />
      <NotificationRecipients />
    </section>
  );
}
