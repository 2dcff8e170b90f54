import {
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useSession } from '../api/session.js';
import { portalRoles, type Page, type PortalRole, type PortalUser } from '../api/types.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, InfoNotice, Loaded } from '../components/messages.js';
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
        const done = await invite.run(
          () => api.send('POST', '/portal-users', { name, email, role }),
          t('userInvited', { email }),
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
  const users = useResource(() => api.get<Page<PortalUser>>('/portal-users', { limit: 200 }), 'portal-users');
  const change = useAction();

  async function act(run: () => Promise<unknown>, success: string) {
    if (await change.run(run, success)) users.reload();
  }

  return (
    <section className="page" aria-labelledby="users-title">
      <Title2 as="h1" id="users-title">
        {t('usersTitle')}
      </Title2>
      <ActionOutcome error={change.error} done={change.done} />
      <Loaded state={users}>
        {(page) =>
          page.items.length === 0 ? (
            <InfoNotice>{t('usersEmpty')}</InfoNotice>
          ) : (
            <Table aria-labelledby="users-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('userName')}</TableHeaderCell>
                  <TableHeaderCell>{t('userEmail')}</TableHeaderCell>
                  <TableHeaderCell>{t('userRole')}</TableHeaderCell>
                  <TableHeaderCell>{t('userState')}</TableHeaderCell>
                  <TableHeaderCell>{t('userLastSignIn')}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="visually-hidden">{t('userRevoke')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((user) => {
                  const revoked = user.status === 'revoked';
                  return (
                    <TableRow key={user.id}>
                      <TableCell>{user.name}</TableCell>
                      <TableCell>{user.email}</TableCell>
                      <TableCell>
                        <Select
                          aria-label={`${t('userRole')} ${user.email}`}
                          value={user.role}
                          disabled={revoked || change.busy || user.email === me.email}
                          onChange={(_, data) =>
                            void act(
                              () => api.send('PATCH', `/portal-users/${user.id}`, { role: data.value }),
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
                      </TableCell>
                      <TableCell>{t(keyOf('state', user.status))}</TableCell>
                      <TableCell>{formatDateTime(user.lastSignInAt, language, t('never'))}</TableCell>
                      <TableCell>
                        {!revoked && user.email !== me.email && (
                          <ConfirmButton
                            label={t('userRevoke')}
                            question={t('userRevokeConfirm', { email: user.email })}
                            disabled={change.busy}
                            onConfirm={() =>
                              void act(
                                () => api.send('DELETE', `/portal-users/${user.id}`),
                                t('userRevoked', { email: user.email }),
                              )
                            }
                          />
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
      <InviteForm onInvited={users.reload} />
      <NotificationRecipients />
    </section>
  );
}
