import { badRequest } from '../http/errors.js';
import type { MessageRecord } from '../model/records.js';

const COMPARISONS: Record<string, (left: string, right: string) => boolean> = {
  ge: (left, right) => left >= right,
  gt: (left, right) => left > right,
  le: (left, right) => left <= right,
  lt: (left, right) => left < right,
};

/**
 * Message delta accepts `$filter` on `receivedDateTime` only, e.g. `receivedDateTime ge 2026-01-01T00:00:00Z`
 * (https://learn.microsoft.com/graph/delta-query-messages#use-query-parameters-in-a-delta-query-for-messages).
 * Comparisons of ISO instants in UTC compare as strings once normalised.
 */
export function receivedDateTimeFilter(filter: string | null): ((message: MessageRecord) => boolean) | undefined {
  if (!filter) return undefined;
  const clauses = filter.split(/\s+and\s+/i).map((clause) => {
    const match = /^\s*receivedDateTime\s+(ge|gt|le|lt)\s+'?([0-9T:.\-Z+]+)'?\s*$/i.exec(clause);
    const operator = match?.[1]?.toLowerCase();
    const instant = match?.[2] ? new Date(match[2]) : undefined;
    if (!operator || !instant || Number.isNaN(instant.getTime())) {
      throw badRequest(
        `The delta query supports $filter on receivedDateTime only: '${clause.trim()}'.`,
        'ErrorInvalidUrlQueryFilter',
      );
    }
    return { compare: COMPARISONS[operator] as (left: string, right: string) => boolean, value: instant.toISOString() };
  });
  return (message) =>
    clauses.every(({ compare, value }) => compare(new Date(message.receivedDateTime).toISOString(), value));
}
