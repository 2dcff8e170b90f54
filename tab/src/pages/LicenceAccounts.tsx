import { Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { itemsList } from '../api/generated.js';
import type { LicenceUsage, ProtectedItem } from '../api/model.js';
import { useSession } from '../api/session.js';
import { pageLimit, usePagedList } from '../api/use-paged-list.js';
import { ActionOutcome } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { retentionLabel } from '../components/retention.js';
import { SearchBox } from '../components/search-box.js';
import { keyOf, useLanguage, type Translate } from '../i18n/language.js';
import { byPerson, useBackupDeletion } from './account-rows.js';
import { itemRowKey, itemRowsPage } from './item-rows.js';

type Plan = ProtectedItem['consumes'][number];

const planKey = (plan: Plan) => `${plan.profile}/${plan.retentionYears}`;

function licenceStatus(plans: readonly Plan[], usage: LicenceUsage, t: Translate): string {
  if (plans.length === 0) return t('licenceAccountNone');
  const bought = new Set(usage.plans.map(planKey));
  return plans.every((plan) => bought.has(planKey(plan))) ? t('licenceAccountBought') : t('licenceAccountNotBought');
}

/**
 * "Stato della licenza" account by account: each person's mailbox and OneDrive, the profile and tier they consume,
 * whether it was bought, and "Delete backup" (administrators, the same confirmation as in Items).
 */
export function LicenceAccounts({ usage }: { usage: LicenceUsage }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [q, setQ] = useState('');
  const items = usePagedList(
    // Seats are counted per person: sites and teams consume none.
    async (cursor) =>
      itemRowsPage(
        await itemsList(api, {
          query: { sort: 'ownerEmail', owner: 'person', cursor, limit: pageLimit(cursor), q: q || undefined },
        }),
      ),
    `licence-accounts-${q}`,
  );
  const deletion = useBackupDeletion(() => items.state.reload());
  return (
    <section className="form" aria-labelledby="licence-accounts-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="licence-accounts-title">
        {t('licenceAccountsTitle')}
      </Title3>
      <p>{t('licenceAccountsIntro')}</p>
      <SearchBox label={t('accountsSearch')} onSearch={setQ} />
      <ActionOutcome error={deletion.purge.error} done={deletion.purge.done} />
      <PagedTable
        list={items}
        labelledBy="licence-accounts-title"
        emptyText={q ? t('accountsSearchNone', { q }) : t('itemsEmpty')}
        rowKey={itemRowKey}
        group={byPerson(t)}
        columns={[
          { id: 'name', header: t('itemName'), width: 220, cell: (item) => item.displayName },
          {
            id: 'kind',
            header: t('itemsKind'),
            width: 130,
            cell: (item) => t(keyOf('resourceKind', item.kind)),
          },
          {
            id: 'plan',
            header: t('licenceAccountUses'),
            width: 200,
            cell: (item) =>
              item.consumes.map((plan) => `${plan.profile} · ${retentionLabel(plan.retentionYears, t)}`).join(', ') ||
              '—',
          },
          {
            id: 'status',
            header: t('licenceAccountStatus'),
            width: 220,
            cell: (item) => licenceStatus(item.consumes, usage, t),
          },
          ...deletion.columns,
        ]}
      />
    </section>
  );
}
