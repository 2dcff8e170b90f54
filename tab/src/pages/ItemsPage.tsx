import { Button, Field, Select, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { itemsDeleteBackup, itemsList, type ItemsListQuery } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { resourceKinds, type ProtectedItem, type ResourceKind } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { ActionOutcome } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { mayDeleteBackups } from './restore-access.js';

type Protection = 'all' | 'protected' | 'unprotected';

function shownBy(protection: Protection): ((item: ProtectedItem) => boolean) | undefined {
  if (protection === 'all') return undefined;
  return (item) => item.protected === (protection === 'protected');
}

/** "Elementi": every account the backups know, its type, the jobs protecting it and what its backup takes. */
export function ItemsPage() {
  const { t, language } = useLanguage();
  const { api, me } = useSession();
  const [sort, setSort] = useState<NonNullable<ItemsListQuery['sort']>>('displayName');
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [protection, setProtection] = useState<Protection>('all');
  const items = usePagedList(
    (cursor) => itemsList(api, { query: { sort, cursor, kind: kind || undefined } }),
    `items-${sort}-${kind}`,
  );
  const purge = useAction();
  const show = shownBy(protection);

  return (
    <section className="page" aria-labelledby="items-title">
      <Title2 as="h1" id="items-title">
        {t('itemsTitle')}
      </Title2>
      <p>{t('itemsIntro')}</p>
      <div className="row" role="group" aria-label={t('itemsFilters')}>
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
      <ActionOutcome error={purge.error} done={purge.done} />
      <PagedTable
        list={items}
        labelledBy="items-title"
        emptyText={protection === 'all' && kind === '' ? t('itemsEmpty') : t('itemsNoneMatch')}
        rowKey={(item) => item.id}
        sort={{ value: sort, onChange: setSort }}
        {...(show && { show })}
        columns={[
          { id: 'name', header: t('itemName'), sortField: 'displayName', cell: (item) => item.displayName },
          { id: 'account', header: t('itemAccount'), sortField: 'ownerEmail', cell: (item) => item.ownerEmail ?? '—' },
          { id: 'kind', header: t('itemsKind'), cell: (item) => t(keyOf('resourceKind', item.kind)) },
          {
            id: 'protection',
            header: t('itemsProtection'),
            cell: (item) => (item.protected ? t('itemProtected') : t('itemUnprotected')),
          },
          {
            id: 'jobs',
            header: t('itemJobs'),
            cell: (item) => item.jobs.map((job) => job.name).join(', ') || '—',
          },
          {
            id: 'lastBackup',
            header: t('itemLastBackup'),
            cell: (item) => formatDateTime(item.lastBackupAt, language, t('never')),
          },
          { id: 'stored', header: t('itemStored'), cell: (item) => formatBytes(item.storedBytes, language) },
          // Deleting an account's backups is for administrators only: nobody else sees a button the API would refuse.
          ...(mayDeleteBackups(me.role)
            ? [
                {
                  id: 'delete',
                  header: t('itemDeleteBackup'),
                  hiddenHeader: true,
                  cell: (item: ProtectedItem) => (
                    <ConfirmButton
                      label={t('itemDeleteBackup')}
                      question={t('itemDeleteConfirm', { name: item.displayName })}
                      typeToConfirm={item.displayName}
                      typeLabel={t('itemDeleteType')}
                      disabled={purge.busy}
                      onConfirm={async () => {
                        const done = await purge.run(
                          () =>
                            itemsDeleteBackup(api, { params: { id: item.id }, body: { confirm: item.displayName } }),
                          t('itemDeleted', { name: item.displayName }),
                        );
                        if (done) items.state.reload();
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
