import { Button, Field, Select, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { itemsList, type ItemsListQuery } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { resourceKinds, type ResourceKind } from '../api/model.js';
import { pageLimit, usePagedList } from '../api/use-paged-list.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { ActionOutcome } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { SearchBox } from '../components/search-box.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { byPerson, useBackupDeletion } from './account-rows.js';
import { itemRowKey, itemRowsPage, withTeamsUnderMembers } from './item-rows.js';
import { NotIncludedAccounts } from './NotIncludedAccounts.js';

type Protection = 'all' | 'protected' | 'unprotected';
type ItemsSort = NonNullable<ItemsListQuery['sort']>;

/** Sorted by e-mail, a person's accounts follow each other: the page shows them under one heading. */
const byEmail = (sort: ItemsSort) => sort === 'ownerEmail' || sort === '-ownerEmail';

/**
 * "Elementi": every account the backups know, by person (their mailbox, OneDrive and teams together) or account by
 * account, its type, the jobs protecting it and what its backup takes; then the directory's accounts no job includes.
 */
export function ItemsPage() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const [sort, setSort] = useState<ItemsSort>('ownerEmail');
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [q, setQ] = useState('');
  const [protection, setProtection] = useState<Protection>('all');
  const items = usePagedList(
    async (cursor) =>
      itemRowsPage(
        await itemsList(api, {
          query: {
            sort,
            cursor,
            limit: pageLimit(cursor),
            kind: kind || undefined,
            q: q || undefined,
            protection: protection === 'all' ? undefined : protection,
          },
        }),
      ),
    `items-${sort}-${kind}-${q}-${protection}`,
  );
  const deletion = useBackupDeletion(() => items.state.reload());
  const filtered = protection !== 'all' || kind !== '' || q !== '';

  return (
    <section className="page" aria-labelledby="items-title">
      <Title2 as="h1" id="items-title">
        {t('itemsTitle')}
      </Title2>
      <p>{t('itemsIntro')}</p>
      <SearchBox label={t('accountsSearch')} onSearch={setQ} />
      <div className="row" role="group" aria-label={t('itemsFilters')}>
        <Field label={t('itemsView')}>
          <Select
            value={byEmail(sort) ? 'person' : 'account'}
            onChange={(_, data) => setSort(data.value === 'person' ? 'ownerEmail' : 'displayName')}
          >
            <option value="person">{t('itemsViewPerson')}</option>
            <option value="account">{t('itemsViewAccount')}</option>
          </Select>
        </Field>
        <Field label={t('itemsKind')}>
          <Select value={kind} onChange={(_, data) => setKind(data.value as ResourceKind | '')}>
            <option value="">{t('itemsKindAll')}</option>
            {resourceKinds.map((k) => (
              <option key={k} value={k}>
                {t(keyOf('resourceKind', k))}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('itemsProtection')}>
          <Select value={protection} onChange={(_, data) => setProtection(data.value as Protection)}>
            <option value="all">{t('itemsProtectionAll')}</option>
            <option value="protected">{t('itemProtected')}</option>
            <option value="unprotected">{t('itemUnprotected')}</option>
          </Select>
        </Field>
        <Button onClick={items.state.reload}>{t('refresh')}</Button>
      </div>
      <ActionOutcome error={deletion.purge.error} done={deletion.purge.done} />
      <PagedTable
        list={items}
        labelledBy="items-title"
        emptyText={filtered ? (q ? t('accountsSearchNone', { q }) : t('itemsNoneMatch')) : t('itemsEmpty')}
        rowKey={itemRowKey}
        sort={{ value: sort, onChange: setSort }}
        {...(byEmail(sort) && { group: byPerson(t), arrange: withTeamsUnderMembers })}
        columns={[
          { id: 'name', header: t('itemName'), sortField: 'displayName', width: 220, cell: (item) => item.displayName },
          {
            id: 'account',
            header: t('itemAccount'),
            sortField: 'ownerEmail',
            width: 240,
            // A team's members, once a backup has read them, where a person's account shows its owner.
            cell: (item) =>
              item.memberEmails.length > 0
                ? t('itemTeamMembers', { count: item.memberEmails.length })
                : (item.ownerEmail ?? '—'),
          },
          { id: 'kind', header: t('itemsKind'), width: 130, cell: (item) => t(keyOf('resourceKind', item.kind)) },
          {
            id: 'protection',
            header: t('itemsProtection'),
            width: 120,
            cell: (item) => (item.protected ? t('itemProtected') : t('itemUnprotected')),
          },
          {
            id: 'jobs',
            header: t('itemJobs'),
            width: 180,
            cell: (item) => item.jobs.map((job) => job.name).join(', ') || '—',
          },
          {
            id: 'lastBackup',
            header: t('itemLastBackup'),
            width: 170,
            cell: (item) => formatDateTime(item.lastBackupAt, language, t('never')),
          },
          {
            id: 'stored',
            header: t('itemStored'),
            width: 110,
            cell: (item) => formatBytes(item.storedBytes, language),
          },
          ...deletion.columns,
        ]}
      />
      <NotIncludedAccounts />
    </section>
  );
}
