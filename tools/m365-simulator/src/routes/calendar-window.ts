import { badRequest } from '../http/errors.js';
import type { GraphRequest } from '../http/types.js';

/** A query parameter by name regardless of case: the pages write `startDateTime` and `startdatetime` alike. */
function parameter(request: GraphRequest, name: string): string | undefined {
  for (const [key, value] of request.query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

/** An ISO 8601 bound; without an offset it is UTC (`2019-04-08T09:00:00.0000000`, as the pages write it). */
function boundOf(value: string): Date {
  const at = new Date(/(Z|[+-]\d\d:\d\d)$/i.test(value) ? value : `${value}Z`);
  if (Number.isNaN(at.getTime()))
    throw badRequest(`The value '${value}' is not a valid date and time.`, 'ErrorInvalidParameter');
  return at;
}

/**
 * The time window of a calendar view, its delta or a series' instances: `startDateTime` and `endDateTime`, both
 * required (https://learn.microsoft.com/graph/api/event-list-instances, /graph/api/event-delta, whose example writes
 * them in lower case).
 */
export function calendarWindowOf(request: GraphRequest): { from: Date; to: Date } {
  const start = parameter(request, 'startDateTime');
  const end = parameter(request, 'endDateTime');
  if (!start || !end)
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  return { from: boundOf(start), to: boundOf(end) };
}
