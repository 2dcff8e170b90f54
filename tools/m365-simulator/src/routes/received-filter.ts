import { badRequest } from '../http/errors.js';
import type { MessageRecord } from '../model/records.js';
import { parseMessageFilter } from './message-filter.js';

/**
 * A delta `$filter` on `receivedDateTime` only, e.g. `receivedDateTime ge 2026-01-01T00:00:00Z`. Message delta
 * documents `ge` and `gt` only ("The only supported $filter expresssions are $filter=receivedDateTime+ge+{value} or
 * $filter=receivedDateTime+gt+{value}", https://learn.microsoft.com/graph/api/message-delta); `operators` narrows
 * the comparisons a route accepts, all four by default.
 */
export function receivedDateTimeFilter(
  filter: string | null,
  operators: readonly string[] = ['ge', 'gt', 'le', 'lt'],
): ((message: MessageRecord) => boolean) | undefined {
  if (!filter) return undefined;
  const clauses = parseMessageFilter(filter).map((clause) => {
    if (clause.property !== 'receivedDateTime' || !operators.includes(clause.operator))
      throw badRequest(
        `The delta query supports $filter on receivedDateTime (${operators.join(', ')}) only.`,
        'ErrorInvalidUrlQueryFilter',
      );
    return clause.test;
  });
  return (message) => clauses.every((test) => test(message));
}
