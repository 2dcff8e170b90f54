import { Button } from '@fluentui/react-components';
import type { PagedList } from '../api/use-paged-list.js';
import { useLanguage } from '../i18n/language.js';
import { DataTable, type TableLayout } from './data-table.js';
import { ErrorNotice, InfoNotice, Loaded } from './messages.js';

export interface PagedTableProps<T, S extends string = string> extends TableLayout<T, S> {
  readonly list: PagedList<T>;
  /** What to say when there is nothing to show, and what to do about it. */
  readonly emptyText: string;
  /** Narrows the loaded rows further (a filter the API does not offer); the empty text then applies too. */
  readonly show?: (row: T) => boolean;
}

/** A paged API list as a table: loading, error with "Try again", empty text, and "Load more" while pages remain. */
export function PagedTable<T, S extends string = string>({ list, emptyText, show, ...table }: PagedTableProps<T, S>) {
  const { t } = useLanguage();
  return (
    <Loaded state={list.state}>
      {(loaded) => {
        const rows = show ? loaded.filter(show) : loaded;
        return (
          <>
            {rows.length === 0 ? <InfoNotice>{emptyText}</InfoNotice> : <DataTable {...table} rows={rows} />}
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
