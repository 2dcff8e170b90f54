import { Button, Checkbox, Field, Input, Select, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import {
  notificationsAdd,
  notificationsList,
  notificationsRemove,
  type NotificationsListQuery,
} from '../api/generated.js';
import { useSession } from '../api/session.js';
import { notificationEvents, type NotificationEvent } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ActionOutcome } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import type { Language } from '../i18n/messages.js';

/** A new recipient hears of job outcomes and overruns; finished restores and the daily digest are opted into. */
const defaultEvents: NotificationEvent[] = ['job.warning', 'job.failed', 'licence.overrun'];

/** The addresses that receive job outcomes and licence overruns ("Notifica"). */
export function NotificationRecipients() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const [sort, setSort] = useState<NonNullable<NotificationsListQuery['sort']>>('email');
  const recipients = usePagedList(
    (cursor) => notificationsList(api, { query: { sort, cursor } }),
    `recipients-${sort}`,
  );
  const change = useAction();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [mailLanguage, setMailLanguage] = useState<Language>(language);
  const [events, setEvents] = useState<NotificationEvent[]>(defaultEvents);

  async function add() {
    const done = await change.run(
      () => notificationsAdd(api, { body: { name, email, language: mailLanguage, events } }),
      t('recipientAdded', { email }),
    );
    if (done) {
      setName('');
      setEmail('');
      recipients.state.reload();
    }
  }

  return (
    <section className="form" aria-labelledby="recipients-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="recipients-title">
        {t('recipientsTitle')}
      </Title3>
      <p>{t('recipientsHint')}</p>
      <PagedTable
        list={recipients}
        labelledBy="recipients-title"
        emptyText={t('recipientsEmpty')}
        rowKey={(recipient) => recipient.id}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          { id: 'name', header: t('userName'), cell: (recipient) => recipient.name },
          { id: 'email', header: t('userEmail'), sortField: 'email', cell: (recipient) => recipient.email },
          {
            id: 'events',
            header: t('recipientEvents'),
            cell: (recipient) => recipient.events.map((e) => t(keyOf('event', e))).join(', '),
          },
          {
            id: 'remove',
            header: t('recipientRemove'),
            hiddenHeader: true,
            cell: (recipient) => (
              <ConfirmButton
                label={t('recipientRemove')}
                question={t('recipientRemoveConfirm', { email: recipient.email })}
                disabled={change.busy}
                onConfirm={async () => {
                  const done = await change.run(
                    () => notificationsRemove(api, { params: { id: recipient.id } }),
                    t('recipientRemoved', { email: recipient.email }),
                  );
                  if (done) recipients.state.reload();
                }}
              />
            ),
          },
        ]}
      />
      <form
        className="form"
        aria-label={t('recipientAdd')}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Field label={t('userName')} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('userEmail')} required>
          <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
        </Field>
        <Field label={t('recipientLanguage')}>
          <Select value={mailLanguage} onChange={(_, data) => setMailLanguage(data.value as Language)}>
            <option value="it">{t('languageIt')}</option>
            <option value="en">{t('languageEn')}</option>
          </Select>
        </Field>
        <fieldset>
          <legend>{t('recipientEvents')}</legend>
          {notificationEvents.map((e) => (
            <Checkbox
              key={e}
              label={t(keyOf('event', e))}
              checked={events.includes(e)}
              onChange={(_, data) =>
                setEvents((current) => (data.checked === true ? [...current, e] : current.filter((x) => x !== e)))
              }
            />
          ))}
        </fieldset>
        <ActionOutcome error={change.error} done={change.done} />
        <div>
          <Button type="submit" appearance="primary" disabled={change.busy || !name || !email || events.length === 0}>
            {t('recipientAdd')}
          </Button>
        </div>
      </form>
    </section>
  );
}
