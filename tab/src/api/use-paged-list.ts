import { useState } from 'react';
import { useAction, type ActionState } from './use-action.js';
import { useResource, type ResourceState } from './use-resource.js';

/** What a list operation of the API answers (`jobsList`, `runsList`, …): rows and the cursor of the next page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * The `limit` of a page of a long list: the API's default for the first (the quickest answer), its maximum for those
 * after, which a person scrolling through thousands of accounts asks for one after another.
 */
export function pageLimit(cursor: string | undefined): number | undefined {
  return cursor === undefined ? undefined : 200;
}

export interface PagedList<T> {
  /** The first page: loading, failed, or ready with every row loaded so far (further pages appended). */
  readonly state: ResourceState<readonly T[]> & { reload(): void };
  /** The API said there is another page (`nextCursor`). */
  readonly hasMore: boolean;
  /** Fetching a further page: busy while it runs, its error when it fails. */
  readonly more: ActionState;
  loadMore(): void;
}

/**
 * A list the API pages with `nextCursor`: the first page loads when `key` changes (filters, sort), "Load more"
 * appends the next one. `loadPage(undefined)` asks for the first page.
 */
export function usePagedList<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, key: string): PagedList<T> {
  const [further, setFurther] = useState<{ key: string; rows: T[] }>({ key, rows: [] });
  const [cursor, setCursor] = useState<string | null>(null);
  const more = useAction();
  const first = useResource(async () => {
    const page = await loadPage(undefined);
    setFurther({ key, rows: [] });
    setCursor(page.nextCursor);
    return page.items;
  }, key);
  // Rows fetched for an older filter or sort never mix with the new first page.
  const appended = further.key === key ? further.rows : [];
  const state = first.phase === 'ready' ? { ...first, value: [...first.value, ...appended] } : first;
  return {
    state,
    hasMore: first.phase === 'ready' && cursor !== null,
    more,
    loadMore() {
      if (cursor === null) return;
      void more.run(async () => {
        const page = await loadPage(cursor);
        setFurther((current) => ({ key, rows: current.key === key ? [...current.rows, ...page.items] : page.items }));
        setCursor(page.nextCursor);
      });
    },
  };
}
