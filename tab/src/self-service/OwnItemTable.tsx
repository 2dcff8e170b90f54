import { Checkbox } from '@fluentui/react-components';
import type { ItemVersion } from '../api/restore-types.js';
import type { PagedList } from '../api/use-paged-list.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';

interface OwnItemTableProps {
  readonly labelledBy: string;
  readonly list: PagedList<ItemVersion>;
  readonly emptyText: string;
  readonly picked: ReadonlySet<string>;
  readonly onToggle: (version: ItemVersion, on: boolean) => void;
}

/** The person's backed-up items, each with a checkbox and what has become of it since. */
export function OwnItemTable({ labelledBy, list, emptyText, picked, onToggle }: OwnItemTableProps) {
  const { t, language } = useLanguage();
  const when = (iso: string) => formatDateTime(iso, language, '');
  return (
    <PagedTable
      list={list}
      labelledBy={labelledBy}
      emptyText={emptyText}
      rowKey={(version) => version.id}
      columns={[
        {
          id: 'select',
          header: t('myBackupsColumnSelect'),
          hiddenHeader: true,
          cell: (version) => (
            <Checkbox
              aria-label={t('myBackupsSelect', { name: version.name })}
              checked={picked.has(version.id)}
              onChange={(_, data) => onToggle(version, data.checked === true)}
            />
          ),
        },
        { id: 'name', header: t('myBackupsColumnName'), cell: (version) => version.name },
        { id: 'kind', header: t('myBackupsColumnKind'), cell: (version) => t(keyOf('ownKind', version.kind)) },
        { id: 'from', header: t('myBackupsColumnFrom'), cell: (version) => version.from ?? '—' },
        {
          id: 'date',
          header: t('myBackupsColumnDate'),
          cell: (version) => formatDateTime(version.itemDate ?? version.backedUpFrom, language, '—'),
        },
        { id: 'size', header: t('myBackupsColumnSize'), cell: (version) => formatBytes(version.size, language) },
        {
          id: 'state',
          header: t('myBackupsColumnState'),
          cell: (version) =>
            version.deletedAt
              ? t('myBackupsStateDeleted', { date: when(version.deletedAt) })
              : version.replacedOrDeletedAt
                ? t('myBackupsStateChanged', { date: when(version.replacedOrDeletedAt) })
                : t('myBackupsStateCurrent'),
        },
      ]}
    />
  );
}
