import type { ChangeClock } from '../model/clock.js';
import type { Cursor, DeltaCollection, DeltaEntry, Versioned } from '../model/delta-collection.js';
import { entryId } from '../model/delta-collection.js';
import { badRequest, GraphError } from './errors.js';
import { linkTo, preferredPageSize } from './odata.js';
import type { GraphRequest, GraphResponse } from './types.js';

/** What a delta or skip token carries. Graph's are opaque; ours are base64url JSON, equally opaque to clients. */
interface DeltaState {
  scope: string;
  epoch: number;
  since: number;
  upTo?: number;
  after?: Cursor;
  /** How many values of the entry after `after` an expanding delta already sent (a series split across pages). */
  sent?: number;
}

export interface DeltaOptions<T extends Versioned> {
  /** Names the collection, so a token from one folder or drive is refused by another. */
  scope: string;
  clock: ChangeClock;
  collections: Array<DeltaCollection<T>>;
  render: (item: T) => object;
  renderRemoved: (id: string) => object;
  /** `$deltatoken`/`$skiptoken` for Outlook and Teams; `token` for OneDrive (https://learn.microsoft.com/graph/api/driveitem-delta). */
  tokenStyle: 'odata' | 'drive';
  defaultPageSize: number;
  maxPageSize: number;
  /** Invoked when a token can no longer be honoured: the caller answers with its workload's documented 410. */
  resyncError: () => GraphError;
  /** True when a fault plan demands a resync for this scope (consumed once). */
  forceResync?: (scope: string) => boolean;
  /** Items the delta must not report, e.g. calendarView outside the window. */
  include?: (item: T) => boolean;
  /**
   * Renders one entry as several values (a recurring series as its occurrences); replaces render and renderRemoved.
   * The page size then counts values, so an entry's values may span pages.
   */
  expand?: (entry: DeltaEntry<T>) => object[];
}

/**
 * One delta page (https://learn.microsoft.com/graph/delta-query-overview): full enumeration without a token; then
 * `@odata.nextLink` pages until the last, which carries `@odata.deltaLink`; removed items as the workload renders them.
 */
export function deltaPage<T extends Versioned>(request: GraphRequest, options: DeltaOptions<T>): GraphResponse {
  const state = readState(request, options);
  const pageSize = preferredPageSize(request, options.defaultPageSize, options.maxPageSize);
  const upTo = state.upTo ?? options.clock.current;
  const entries: Array<DeltaEntry<T>> = [];
  for (const collection of options.collections)
    entries.push(...collection.changes(state.since, upTo, state.after, pageSize + 1));
  entries.sort((a, b) => a.seq - b.seq || entryId(a).localeCompare(entryId(b)));
  const included = (entry: DeltaEntry<T>) => entry.kind === 'removed' || (options.include?.(entry.item) ?? true);
  const page = options.expand
    ? expandedPage(
        entries.slice(0, pageSize),
        (entry) => (included(entry) ? (options.expand?.(entry) ?? []) : []),
        pageSize,
        state.sent ?? 0,
      )
    : {
        value: entries
          .slice(0, pageSize)
          .filter(included)
          .map((entry) => (entry.kind === 'item' ? options.render(entry.item) : options.renderRemoved(entry.id))),
        consumed: Math.min(entries.length, pageSize),
      };
  const body: Record<string, unknown> = { value: page.value };
  // Strict mode: the next page starts again with this page's last entry, as a delta round may repeat an item.
  const repeat = request.strict.repeatsDeltaEntries && !options.expand && page.consumed >= 2 ? 1 : 0;
  const last = entries[page.consumed - 1 - repeat];
  const after = last ? { seq: last.seq, id: entryId(last) } : state.after;
  if (entries.length > page.consumed) {
    const next: DeltaState = { ...state, upTo, ...(after && { after }), sent: page.sent ?? 0 };
    body['@odata.nextLink'] = linkTo(
      request,
      stripTokens(options.tokenStyle, { [skipParameter(options)]: encode(next) }),
    );
  } else {
    const done: DeltaState = { scope: options.scope, epoch: options.clock.epoch, since: upTo };
    body['@odata.deltaLink'] = linkTo(
      request,
      stripTokens(options.tokenStyle, { [deltaParameter(options)]: encode(done) }),
    );
  }
  return { status: 200, body };
}

/**
 * The values of one page of an expanding delta: up to `pageSize` values, the first entry's first `sent` left out
 * (sent by the page before); `consumed` entries were sent whole, and `sent` values of the next one when it was split.
 */
function expandedPage<T extends Versioned>(
  entries: Array<DeltaEntry<T>>,
  expand: (entry: DeltaEntry<T>) => object[],
  pageSize: number,
  sent: number,
): { value: object[]; consumed: number; sent?: number } {
  const value: object[] = [];
  for (const [index, entry] of entries.entries()) {
    const skipped = index === 0 ? sent : 0;
    const remaining = expand(entry).slice(skipped);
    const room = pageSize - value.length;
    if (remaining.length > room) {
      value.push(...remaining.slice(0, room));
      return { value, consumed: index, sent: skipped + room };
    }
    value.push(...remaining);
  }
  return { value, consumed: entries.length };
}

/** `token=latest` (OneDrive) and `$deltatoken=latest` (directory): no items, only a deltaLink for "from now on". */
export function latestDeltaLink(
  request: GraphRequest,
  options: Pick<DeltaOptions<Versioned>, 'scope' | 'clock' | 'tokenStyle'>,
): GraphResponse {
  const state: DeltaState = { scope: options.scope, epoch: options.clock.epoch, since: options.clock.current };
  const link = linkTo(request, stripTokens(options.tokenStyle, { [deltaParameter(options)]: encode(state) }));
  return { status: 200, body: { value: [], '@odata.deltaLink': link } };
}

function readState<T extends Versioned>(request: GraphRequest, options: DeltaOptions<T>): DeltaState {
  const raw = request.query.get(skipParameter(options)) ?? request.query.get(deltaParameter(options));
  if (!raw) return { scope: options.scope, epoch: options.clock.epoch, since: 0 };
  const state = decode(raw);
  if (state.scope !== options.scope)
    throw badRequest('The delta token does not belong to this collection.', 'InvalidDeltaToken');
  if (state.epoch !== options.clock.epoch || options.forceResync?.(options.scope)) throw options.resyncError();
  return state;
}

function skipParameter(options: Pick<DeltaOptions<Versioned>, 'tokenStyle'>): string {
  return options.tokenStyle === 'drive' ? 'token' : '$skiptoken';
}

function deltaParameter(options: Pick<DeltaOptions<Versioned>, 'tokenStyle'>): string {
  return options.tokenStyle === 'drive' ? 'token' : '$deltatoken';
}

/** Links carry only the state token, never both a skip and a delta token. */
function stripTokens(style: 'odata' | 'drive', query: Record<string, string>): Record<string, string> {
  return style === 'drive' ? query : { $skiptoken: '', $deltatoken: '', ...query };
}

function encode(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decode(raw: string): DeltaState {
  try {
    const state = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DeltaState;
    if (typeof state.since !== 'number' || typeof state.scope !== 'string') throw new Error('shape');
    return state;
  } catch {
    throw badRequest('The delta token is not valid.', 'InvalidDeltaToken');
  }
}

/** Outlook's answer to an evicted or invalidated sync state (https://learn.microsoft.com/graph/delta-query-overview#synchronization-reset). */
export function syncStateNotFound(): GraphError {
  return new GraphError(
    410,
    'SyncStateNotFound',
    'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  );
}

/** Paging and resync behaviour shared by the Outlook delta functions (messages, folders, contacts, events). */
export const OUTLOOK_DELTA = {
  tokenStyle: 'odata',
  defaultPageSize: 10,
  maxPageSize: 1000,
  resyncError: syncStateNotFound,
} as const;

/** A removed entity in an Outlook or Teams delta page: `{ id, "@removed": { reason: "deleted" } }`. */
export function removedEntry(odataType: string): (id: string) => object {
  return (id) => ({ '@odata.type': odataType, id, '@removed': { reason: 'deleted' } });
}
