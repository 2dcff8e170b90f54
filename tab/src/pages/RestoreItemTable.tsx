import { Checkbox } from '@fluentui/react-components';
import type { ItemVersion } from '../api/restore-types.js';
import type { PagedList } from '../api/use-paged-list.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';

interface RestoreItemTableProps {
  readonly labelledBy: string;
  readonly list: PagedList<ItemVersion>;
  readonly emptyText: string;
  readonly picked: readonly ItemVersion[];
  readonly onToggle: (version: ItemVersion, on: boolean) => void;
}

/** Backed-up items with a checkbox each; Teams channel messages say that they come back as an export only. */
export function RestoreItemTable({ labelledBy, list, emptyText, picked, onToggle }: RestoreItemTableProps) {
  const { t, language } = useLanguage();
  const pickedIds = new Set(picked.map((version) => version.id));
  return (
    <PagedTable
      list={list}
      labelledBy={labelledBy}
      emptyText={emptyText}
      rowKey={(version) => version.id}
      columns={[
        {
          id: 'pick',
          header: t('restorePick'),
          hiddenHeader: true,
          cell: (version) => (
            <Checkbox
              aria-label={t('restorePickItem', { name: version.name })}
              checked={pickedIds.has(version.id)}
              onChange={(_, data) => onToggle(version, data.checked === true)}
            />
          ),
        },
        { id: 'name', header: t('restoreItemName'), cell: (version) => version.name },
        {
          id: 'kind',
          header: t('restoreItemKind'),
          cell: (version) =>
            version.kind === 'channelMessage'
              ? `${t('itemKind_channelMessage')} — ${t('restoreExportOnly')}`
              : t(keyOf('itemKind', version.kind)),
        },
        { id: 'folder', header: t('restoreItemFolder'), cell: (version) => version.containerPath },
        { id: 'from', header: t('restoreItemFrom'), cell: (version) => version.from ?? '—' },
        {
          id: 'date',
          header: t('restoreItemDate'),
          cell: (version) => formatDateTime(version.itemDate ?? version.backedUpFrom, language, '—'),
        },
        { id: 'size', header: t('restoreItemSize'), cell: (version) => formatBytes(version.size, language) },
        {
          id: 'state',
          header: t('restoreItemState'),
          cell: (version) =>
            version.deletedAt
              ? t('restoreItemDeleted', { date: formatDateTime(version.deletedAt, language, '') })
              : version.replacedOrDeletedAt
                ? t('restoreItemReplaced', { date: formatDateTime(version.replacedOrDeletedAt, language, '') })
                : t('restoreItemCurrent'),
        },
      ]}
    />
  );
}
