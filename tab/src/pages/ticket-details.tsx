import { Title2, Title3 } from '@fluentui/react-components';
import type { ProviderReadTicketResponse } from '../api/generated.js';
import { formatDateTime } from '../components/format.js';
import { keyOf, useLanguage } from '../i18n/language.js';

/** What both sides read of a ticket: the customer's Support page and the provider's console. */
export type TicketThread = Pick<
  ProviderReadTicketResponse,
  'subject' | 'status' | 'severity' | 'createdAt' | 'openedBy' | 'description' | 'comments'
>;
type CommentSide = TicketThread['comments'][number]['side'];

/**
 * A ticket's title (`ticket-title`), status, severity, who opened it and when, its description and its comments, each
 * comment headed by the side that wrote it as the reader calls it (`sideLabel`).
 */
export function TicketDetails({
  ticket,
  sideLabel,
  customer,
}: {
  ticket: TicketThread;
  sideLabel: (side: CommentSide) => string;
  /** The customer's name, on the provider's side. */
  customer?: string;
}) {
  const { t, language } = useLanguage();
  return (
    <>
      <Title2 as="h1" id="ticket-title">
        {ticket.subject}
      </Title2>
      <dl className="facts">
        {customer !== undefined && (
          <>
            <dt>{t('providerCustomer')}</dt>
            <dd>{customer}</dd>
          </>
        )}
        <dt>{t('ticketStatus')}</dt>
        <dd>{t(keyOf('ticketStatus', ticket.status))}</dd>
        <dt>{t('ticketSeverity')}</dt>
        <dd>{t(keyOf('severity', ticket.severity))}</dd>
        <dt>{t('ticketOpened')}</dt>
        <dd>{`${formatDateTime(ticket.createdAt, language, '')} — ${ticket.openedBy.name}`}</dd>
      </dl>
      <p className="terms-text">{ticket.description}</p>
      <Title3 as="h2">{t('ticketComments')}</Title3>
      {ticket.comments.length === 0 ? (
        <p>{t('ticketNoComments')}</p>
      ) : (
        <ol>
          {ticket.comments.map((c) => (
            <li key={c.id}>
              <strong>{`${sideLabel(c.side)} (${c.author.name}), ${formatDateTime(c.at, language, '')}: `}</strong>
              <span className="terms-text">{c.text}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
