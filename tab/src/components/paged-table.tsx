import { Button } from '@fluentui/react-components';
import type { PagedList } from '../api/use-paged-list.js';
import { useLanguage } from '../i18n/language.js';
import { DataTable, type TableLayout } from './data-table.js';
import { ErrorNotice, InfoNotice, Loaded } from './messages.js';

export interface PagedTableProps<T, S extends string = string> extends TableLayout<T, S> {
  readonly list: PagedList<T>;
  /** What to say when there is nothing to show, and what to do about it. */
  readonly emptyText: string;
  /** The lines the loaded rows make, when they are not the rows themselves (a row shown under several headings). */
  readonly arrange?: ((rows: readonly T[]) => readonly T[]) | undefined;
}

/**
 * A paged API list as a table: loading, error with "Try again", empty text, and while pages remain the next one
 * loads when the person scrolls to the end, or on "Load more".
 */
export function PagedTable<T, S extends string = string>({
  list,
  emptyText,
  arrange,
  ...table
}: PagedTableProps<T, S>) {
  const { t } = useLanguage();
  return (
    <Loaded state={list.state}>
      {(rows) => {
        const loadNext = list.hasMore && !list.more.busy && list.more.error === undefined ? list.loadMore : undefined;
        return (
          <>
            {rows.length === 0 ? (
              <InfoNotice>{emptyText}</InfoNotice>
            ) : (
              <DataTable {...table} rows={arrange ? arrange(rows) : rows} onEndReached={loadNext} />
            )}
            {list.more.error !== undefined && <ErrorNotice error={list.more.error} onRetry={list.loadMore} />}
            {list.hasMore && (
              <div>
                <Button disabled={list.more.busy} onClick={list.loadMore}>
                  {t('loadMore')}
                </Button>
              </div>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
