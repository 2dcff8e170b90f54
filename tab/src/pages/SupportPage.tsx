import { Button, Field, Input, Link, Select, Textarea, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import {
  supportComment,
  supportList,
  supportOpen,
  supportRead,
  supportSetStatus,
  type SupportListQuery,
} from '../api/generated.js';
import { useSession } from '../api/session.js';
import { ticketSeverities, type Ticket, type TicketSeverity } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, Loaded } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { selfServiceGuideSlug } from '../self-service/guide.js';
import { ArticleView } from './ArticleView.js';
import { SupportContact } from './SupportContact.js';
import { TicketDetails } from './ticket-details.js';

function TicketView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const ticket = useResource(() => supportRead(api, { params: { id } }), id);
  const [comment, setComment] = useState('');
  const change = useAction();

  async function act(run: () => Promise<unknown>) {
    if (await change.run(run)) {
      setComment('');
      ticket.reload();
    }
  }

  return (
    <article className="page" aria-labelledby="ticket-title">
      <div>
        <Button onClick={onBack}>{t('back')}</Button>
      </div>
      <Loaded state={ticket}>
        {(value) => (
          <>
            <TicketDetails ticket={value} sideLabel={(side) => t(keyOf('side', side))} />
            <form
              className="form"
              aria-label={t('ticketAddComment')}
              onSubmit={(event) => {
                event.preventDefault();
                void act(() => supportComment(api, { params: { id }, body: { text: comment } }));
              }}
            >
              <Field label={t('ticketComment')} required>
                <Textarea value={comment} onChange={(_, data) => setComment(data.value)} />
              </Field>
              <ActionOutcome error={change.error} done={change.done} />
              <div className="row">
                <Button type="submit" appearance="primary" disabled={change.busy || !comment.trim()}>
                  {t('ticketAddComment')}
                </Button>
                <Button
                  disabled={change.busy}
                  onClick={() =>
                    void act(() =>
                      supportSetStatus(api, {
                        params: { id },
                        body: { status: value.status === 'closed' ? 'open' : 'closed' },
                      }),
                    )
                  }
                >
                  {value.status === 'closed' ? t('ticketReopen') : t('ticketClose')}
                </Button>
              </div>
            </form>
          </>
        )}
      </Loaded>
    </article>
  );
}

function NewTicketForm({ onOpened }: { onOpened: (ticket: Ticket) => void }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<TicketSeverity>('normal');
  const open = useAction();
  return (
    <form
      className="form"
      aria-labelledby="new-ticket-title"
      onSubmit={async (event) => {
        event.preventDefault();
        let opened: Ticket | undefined;
        await open.run(async () => {
          opened = await supportOpen(api, { body: { subject, description, severity } });
        });
        if (opened) onOpened(opened);
      }}
    >
      <Title3 as="h2" id="new-ticket-title">
        {t('ticketNew')}
      </Title3>
      <Field label={t('ticketSubject')} required>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <Field label={t('ticketDescription')} required>
        <Textarea value={description} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <Field label={t('ticketSeverity')}>
        <Select value={severity} onChange={(_, data) => setSeverity(data.value as TicketSeverity)}>
          {ticketSeverities.map((s) => (
            <option key={s} value={s}>
              {t(keyOf('severity', s))}
            </option>
          ))}
        </Select>
      </Field>
      <ActionOutcome error={open.error} done={open.done} />
      <div>
        <Button type="submit" appearance="primary" disabled={open.busy || !subject.trim() || !description.trim()}>
          {t('ticketOpen')}
        </Button>
      </div>
    </form>
  );
}

/** "Support": how to phone the provider, the self-service restore guide, and the tenant's tickets with their comments. */
export function SupportPage() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const [sort, setSort] = useState<NonNullable<SupportListQuery['sort']>>('-createdAt');
  const tickets = usePagedList((cursor) => supportList(api, { query: { sort, cursor } }), `tickets-${sort}`);
  const [viewing, setViewing] = useState<string | undefined>(undefined);
  const [readingGuide, setReadingGuide] = useState(false);

  if (readingGuide) {
    return <ArticleView api={api} slug={selfServiceGuideSlug} onBack={() => setReadingGuide(false)} />;
  }
  if (viewing) {
    return (
      <TicketView
        id={viewing}
        onBack={() => {
          setViewing(undefined);
          tickets.state.reload();
        }}
      />
    );
  }
  return (
    <section className="page" aria-labelledby="support-title">
      <Title2 as="h1" id="support-title">
        {t('supportTitle')}
      </Title2>
      <SupportContact onGuide={() => setReadingGuide(true)} />
      <PagedTable
        list={tickets}
        labelledBy="support-title"
        emptyText={t('supportEmpty')}
        rowKey={(ticket) => ticket.id}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          {
            id: 'subject',
            header: t('ticketSubject'),
            cell: (ticket) => (
              <Link as="button" onClick={() => setViewing(ticket.id)}>
                {ticket.subject}
              </Link>
            ),
          },
          { id: 'status', header: t('ticketStatus'), cell: (ticket) => t(keyOf('ticketStatus', ticket.status)) },
          { id: 'severity', header: t('ticketSeverity'), cell: (ticket) => t(keyOf('severity', ticket.severity)) },
          {
            id: 'opened',
            header: t('ticketOpened'),
            sortField: 'createdAt',
            cell: (ticket) => formatDateTime(ticket.createdAt, language, ''),
          },
          { id: 'comments', header: t('ticketComments'), cell: (ticket) => ticket.commentCount },
        ]}
      />
      <NewTicketForm onOpened={(ticket) => setViewing(ticket.id)} />
    </section>
  );
}
