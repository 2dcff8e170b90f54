import { Button, Field, Link, Select, Tab, TabList, Textarea, Title2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  providerCommentTicket,
  providerListTenants,
  providerListTickets,
  providerReadTicket,
  providerSetTicketStatus,
  type ProviderListTicketsQuery,
} from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, Loaded } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { TicketDetails } from '../pages/ticket-details.js';

type TicketStatus = NonNullable<ProviderListTicketsQuery['status']>;
const ticketStatuses: readonly TicketStatus[] = ['open', 'in_progress', 'resolved', 'closed'];

/** A ticket's statuses as the options of a select, in the reader's language. */
function TicketStatusOptions() {
  const { t } = useLanguage();
  return (
    <>
      {ticketStatuses.map((s) => (
        <option key={s} value={s}>
          {t(keyOf('ticketStatus', s))}
        </option>
      ))}
    </>
  );
}

/** The customers' names by tenant id, for the ticket list (the first 100 customers: a provider's usual book). */
function useCustomerNames(api: ApiClient): Map<string, string> {
  const customers = useResource(() => providerListTenants(api, { query: { limit: 100, sort: 'name' } }), 'names');
  return useMemo(
    () =>
      new Map(customers.phase === 'ready' ? customers.value.items.map((tenant) => [tenant.tenantId, tenant.name]) : []),
    [customers],
  );
}

function ProviderTicketView({
  api,
  ticket: { tenantId, id },
  customer,
  onBack,
}: {
  api: ApiClient;
  ticket: { tenantId: string; id: string };
  customer: string;
  onBack: () => void;
}) {
  const { t } = useLanguage();
  const ticket = useResource(() => providerReadTicket(api, { params: { tenantId, id } }), `${tenantId}/${id}`);
  const [answer, setAnswer] = useState('');
  const [status, setStatus] = useState<TicketStatus | undefined>(undefined);
  const change = useAction();

  async function act(run: () => Promise<unknown>) {
    if (await change.run(run)) {
      setAnswer('');
      setStatus(undefined);
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
            <TicketDetails ticket={value} customer={customer} sideLabel={(side) => t(keyOf('providerSide', side))} />
            <form
              className="form"
              aria-label={t('providerSendAnswer')}
              onSubmit={(event) => {
                event.preventDefault();
                void act(() => providerCommentTicket(api, { params: { tenantId, id }, body: { text: answer } }));
              }}
            >
              <Field label={t('providerAnswer')} required>
                <Textarea value={answer} onChange={(_, data) => setAnswer(data.value)} />
              </Field>
              <div className="row">
                <Button type="submit" appearance="primary" disabled={change.busy || !answer.trim()}>
                  {t('providerSendAnswer')}
                </Button>
              </div>
            </form>
            <form
              className="form"
              aria-label={t('providerSetStatus')}
              onSubmit={(event) => {
                event.preventDefault();
                const chosen = status ?? value.status;
                void act(() => providerSetTicketStatus(api, { params: { tenantId, id }, body: { status: chosen } }));
              }}
            >
              <Field label={t('ticketStatus')}>
                <Select value={status ?? value.status} onChange={(_, data) => setStatus(data.value as TicketStatus)}>
                  <TicketStatusOptions />
                </Select>
              </Field>
              <ActionOutcome error={change.error} done={change.done} />
              <div className="row">
                <Button type="submit" disabled={change.busy || (status ?? value.status) === value.status}>
                  {t('providerSetStatus')}
                </Button>
              </div>
            </form>
          </>
        )}
      </Loaded>
    </article>
  );
}

/** Every customer's tickets, newest first, filtered by status; a ticket opens with its thread. */
function ProviderTickets({ api }: { api: ApiClient }) {
  const { t, language } = useLanguage();
  const names = useCustomerNames(api);
  const [status, setStatus] = useState<TicketStatus | ''>('open');
  const [sort, setSort] = useState<NonNullable<ProviderListTicketsQuery['sort']>>('-createdAt');
  const tickets = usePagedList(
    (cursor) => providerListTickets(api, { query: { sort, cursor, ...(status && { status }) } }),
    `provider-tickets-${status}-${sort}`,
  );
  const [viewing, setViewing] = useState<{ tenantId: string; id: string } | undefined>(undefined);
  const customerOf = (tenantId: string) => names.get(tenantId) ?? tenantId;

  if (viewing) {
    return (
      <ProviderTicketView
        api={api}
        ticket={viewing}
        customer={customerOf(viewing.tenantId)}
        onBack={() => {
          setViewing(undefined);
          tickets.state.reload();
        }}
      />
    );
  }
  return (
    <section className="page" aria-labelledby="provider-tickets-title">
      <Title2 as="h2" id="provider-tickets-title">
        {t('providerTicketsTitle')}
      </Title2>
      <Field label={t('providerStatusFilter')}>
        <Select value={status} onChange={(_, data) => setStatus(data.value as TicketStatus | '')}>
          <option value="">{t('providerEveryStatus')}</option>
          <TicketStatusOptions />
        </Select>
      </Field>
      <PagedTable
        list={tickets}
        labelledBy="provider-tickets-title"
        emptyText={t('providerTicketsEmpty')}
        rowKey={(ticket) => `${ticket.tenantId}/${ticket.id}`}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          {
            id: 'subject',
            header: t('ticketSubject'),
            cell: (ticket) => (
              <Link as="button" onClick={() => setViewing({ tenantId: ticket.tenantId, id: ticket.id })}>
                {ticket.subject}
              </Link>
            ),
          },
          { id: 'customer', header: t('providerCustomer'), cell: (ticket) => customerOf(ticket.tenantId) },
          { id: 'status', header: t('ticketStatus'), cell: (ticket) => t(keyOf('ticketStatus', ticket.status)) },
          { id: 'severity', header: t('ticketSeverity'), cell: (ticket) => t(keyOf('severity', ticket.severity)) },
          {
            id: 'opened',
            header: t('ticketOpened'),
            sortField: 'createdAt',
            cell: (ticket) => `${formatDateTime(ticket.createdAt, language, '')} — ${ticket.openedBy.name}`,
          },
          { id: 'comments', header: t('ticketComments'), cell: (ticket) => ticket.commentCount },
        ]}
      />
    </section>
  );
}

/** The provider's customers: who manages IT there, when they were onboarded, and how far their setup is. */
function ProviderCustomers({ api }: { api: ApiClient }) {
  const { t, language } = useLanguage();
  const customers = usePagedList(
    (cursor) => providerListTenants(api, { query: { sort: 'name', cursor } }),
    'provider-customers',
  );
  return (
    <section className="page" aria-labelledby="provider-customers-title">
      <Title2 as="h2" id="provider-customers-title">
        {t('providerCustomersTitle')}
      </Title2>
      <PagedTable
        list={customers}
        labelledBy="provider-customers-title"
        emptyText={t('providerCustomersEmpty')}
        rowKey={(tenant) => tenant.tenantId}
        columns={[
          { id: 'name', header: t('providerCustomer'), cell: (tenant) => tenant.name },
          {
            id: 'itManager',
            header: t('providerItManager'),
            cell: (tenant) => `${tenant.itManager.name} <${tenant.itManager.email}>`,
          },
          {
            id: 'onboarded',
            header: t('providerOnboarded'),
            cell: (tenant) => formatDateTime(tenant.onboardedAt, language, ''),
          },
          {
            id: 'setup',
            header: t('providerSetup'),
            cell: ({ setup: { missing } }) =>
              missing.length === 0
                ? t('providerSetupComplete')
                : missing.length === 1
                  ? t('providerSetupMissingOne')
                  : t('providerSetupMissingMany', { count: missing.length }),
          },
        ]}
      />
    </section>
  );
}

type ProviderSection = 'tickets' | 'customers';

/** What a provider operator sees: every customer's support tickets, and the customers with their setup. */
export function ProviderPortal({ api, me }: { api: ApiClient; me: Me }) {
  const { t } = useLanguage();
  const [section, setSection] = useState<ProviderSection>('tickets');
  return (
    <>
      <header className="page">
        <Title2 as="h1">{t('providerTitle', { name: me.name })}</Title2>
      </header>
      <nav aria-label={t('providerNavLabel')}>
        <TabList selectedValue={section} onTabSelect={(_, data) => setSection(data.value as ProviderSection)}>
          <Tab value="tickets">{t('providerTabTickets')}</Tab>
          <Tab value="customers">{t('providerTabCustomers')}</Tab>
        </TabList>
      </nav>
      {section === 'tickets' ? <ProviderTickets api={api} /> : <ProviderCustomers api={api} />}
    </>
  );
}
