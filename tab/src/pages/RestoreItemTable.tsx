import { Checkbox } from '@fluentui/react-components';
import type { ItemVersion } from '../api/model.js';
import type { PagedList } from '../api/use-paged-list.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';

interface RestoreItemTableProps {
  readonly labelledBy: string;
  readonly list: PagedList<ItemVersion>;
  readonly emptyText: string;
  /** Ids of the versions ticked. */
  readonly picked: ReadonlySet<string>;
  readonly onToggle: (version: ItemVersion, on: boolean) => void;
  /** The folder column: the portal's search spans folders; "My backups" lists one folder's items. */
  readonly withFolder?: boolean;
}

/**
 * Backed-up items with a checkbox each and what has become of them since; Teams channel messages say that they come
 * back as an export only. Used by the portal's Restore page and by "My backups".
 */
export function RestoreItemTable({
  labelledBy,
  list,
  emptyText,
  picked,
  onToggle,
  withFolder = true,
}: RestoreItemTableProps) {
  const { t, language } = useLanguage();
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
              checked={picked.has(version.id)}
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
        ...(withFolder
          ? [{ id: 'folder', header: t('restoreItemFolder'), cell: (version: ItemVersion) => version.containerPath }]
          : []),
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
