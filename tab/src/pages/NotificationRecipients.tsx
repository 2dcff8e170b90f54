import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useSession } from '../api/session.js';
import { notificationEvents, type NotificationEvent, type NotificationRecipient, type Page } from '../api/types.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ActionOutcome, InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import type { Language } from '../i18n/messages.js';

/** The addresses that receive job outcomes and licence overruns ("Notifica"). */
export function NotificationRecipients() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const recipients = useResource(
    () => api.get<Page<NotificationRecipient>>('/notification-recipients', { limit: 200 }),
    'recipients',
  );
  const change = useAction();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [mailLanguage, setMailLanguage] = useState<Language>(language);
  const [events, setEvents] = useState<NotificationEvent[]>([...notificationEvents]);

  async function add() {
    const done = await change.run(
      () => api.send('POST', '/notification-recipients', { name, email, language: mailLanguage, events }),
      t('recipientAdded', { email }),
    );
    if (done) {
      setName('');
      setEmail('');
      recipients.reload();
    }
  }

  return (
    <section className="form" aria-labelledby="recipients-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="recipients-title">
        {t('recipientsTitle')}
      </Title3>
      <p>{t('recipientsHint')}</p>
      <Loaded state={recipients}>
        {(page) =>
          page.items.length === 0 ? (
            <InfoNotice>{t('recipientsEmpty')}</InfoNotice>
          ) : (
            <Table aria-labelledby="recipients-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('userName')}</TableHeaderCell>
                  <TableHeaderCell>{t('userEmail')}</TableHeaderCell>
                  <TableHeaderCell>{t('recipientEvents')}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="visually-hidden">{t('recipientRemove')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((recipient) => (
                  <TableRow key={recipient.id}>
                    <TableCell>{recipient.name}</TableCell>
                    <TableCell>{recipient.email}</TableCell>
                    <TableCell>{recipient.events.map((e) => t(keyOf('event', e))).join(', ')}</TableCell>
                    <TableCell>
                      <ConfirmButton
                        label={t('recipientRemove')}
                        question={t('recipientRemoveConfirm', { email: recipient.email })}
                        disabled={change.busy}
                        onConfirm={async () => {
                          const done = await change.run(
                            () => api.send('DELETE', `/notification-recipients/${recipient.id}`),
                            t('recipientRemoved', { email: recipient.email }),
                          );
                          if (done) recipients.reload();
                        }}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
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
