import { badRequest, GraphError } from '../http/errors.js';
import type { GraphRequest } from '../http/types.js';
import type { MessageRecord } from '../model/records.js';
import { parseMessageFilter, type FilterClause } from './message-filter.js';
import { skipPage, type SkipPage } from './skip-page.js';

/** "The default page size is 10 messages. Use $top to customize the page size, within the range of 1 and 1000." */
const SIZES = { defaultSize: 10, maxSize: 1000 };

const SORTABLE: Record<string, keyof MessageRecord> = {
  receiveddatetime: 'receivedDateTime',
  sentdatetime: 'sentDateTime',
  createddatetime: 'createdDateTime',
  lastmodifieddatetime: 'lastModifiedDateTime',
  subject: 'subject',
  importance: 'importance',
  isread: 'isRead',
};

interface SortKey {
  property: keyof MessageRecord;
  descending: boolean;
}

function parseOrderBy(text: string): SortKey[] {
  return text.split(',').map((part) => {
    const [name = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const property = SORTABLE[name.toLowerCase()];
    if (!property || rest.length > 0 || !/^(asc|desc)$/i.test(direction))
      throw badRequest(`Invalid $orderby clause: '${part.trim()}'.`, 'ErrorInvalidUrlQuery');
    return { property, descending: direction.toLowerCase() === 'desc' };
  });
}

/**
 * "Properties that appear in $orderby must also appear in $filter", in the same order and before any other; else
 * Graph answers InefficientFilter (https://learn.microsoft.com/graph/api/user-list-messages#using-filter-and-orderby-in-the-same-query).
 */
function refuseInefficientFilter(sort: SortKey[], filter: FilterClause[]): void {
  const leading = filter.slice(0, sort.length).map((clause) => clause.property);
  if (sort.every((key, index) => leading[index] === key.property)) return;
  throw new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
}

function compareBy(sort: SortKey[]): (a: MessageRecord, b: MessageRecord) => number {
  return (a, b) => {
    for (const { property, descending } of sort) {
      const order = String(a[property]).localeCompare(String(b[property]));
      if (order !== 0) return descending ? -order : order;
    }
    return a.id.localeCompare(b.id);
  };
}

/**
 * A page of a message list (https://learn.microsoft.com/graph/api/user-list-messages): `$filter`, `$orderby` (newest
 * received first by default, as Outlook lists), then `$top`/`$skip` paging and `$count=true`.
 */
export function messageListPage(request: GraphRequest, messages: Iterable<MessageRecord>): SkipPage<MessageRecord> {
  const filterText = request.query.get('$filter');
  const orderText = request.query.get('$orderby');
  const filter = filterText ? parseMessageFilter(filterText) : [];
  const sort = orderText ? parseOrderBy(orderText) : [{ property: 'receivedDateTime' as const, descending: true }];
  if (filterText && orderText) refuseInefficientFilter(sort, filter);
  const matching = [...messages].filter((message) => filter.every((clause) => clause.test(message)));
  return skipPage(request, matching.sort(compareBy(sort)), SIZES);
}
