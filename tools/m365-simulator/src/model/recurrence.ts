import type { RecurrenceDefinition } from './definition.js';
import { instantOfWallTime, wallTimeOf } from './time-zones.js';

const DAY_MS = 24 * 3600 * 1000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Start times of a series' occurrences inside [from, to), for daily and weekly patterns with endDate, numbered or
 * noEnd ranges (https://learn.microsoft.com/graph/api/resources/patternedrecurrence). Dates are days of the series'
 * time zone and every occurrence starts at the first one's wall-clock time there, across daylight saving changes
 * (https://learn.microsoft.com/graph/api/resources/recurrencerange: "startDate … in the time zone of the event").
 */
export function occurrenceStarts(
  recurrence: RecurrenceDefinition,
  firstStart: Date,
  from: Date,
  to: Date,
  zone = 'UTC',
): Date[] {
  const starts: Date[] = [];
  const timeOfDay = wallTimeOf(firstStart, zone).slice(11);
  const rangeStart = Date.parse(`${recurrence.range.startDate}T00:00:00Z`);
  const rangeEnd =
    recurrence.range.type === 'endDate' && recurrence.range.endDate
      ? Date.parse(`${recurrence.range.endDate}T00:00:00Z`) + DAY_MS
      : Infinity;
  const maxCount = recurrence.range.type === 'numbered' ? (recurrence.range.numberOfOccurrences ?? 0) : Infinity;
  const interval = Math.max(1, recurrence.pattern.interval);
  const days = new Set(
    (recurrence.pattern.daysOfWeek ?? [WEEKDAYS[new Date(rangeStart).getUTCDay()] as string]).map((day) =>
      day.toLowerCase(),
    ),
  );
  let count = 0;
  // Local dates are walked as UTC midnights; a day more than `to` covers zones ahead of UTC.
  for (let day = rangeStart; day < rangeEnd && day < to.getTime() + DAY_MS && count < maxCount; day += DAY_MS) {
    const dayIndex = Math.round((day - rangeStart) / DAY_MS);
    const matches =
      recurrence.pattern.type === 'daily'
        ? dayIndex % interval === 0
        : days.has(WEEKDAYS[new Date(day).getUTCDay()] as string) && Math.floor(dayIndex / 7) % interval === 0;
    if (!matches) continue;
    count++;
    const start = instantOfWallTime(`${new Date(day).toISOString().slice(0, 10)}T${timeOfDay}`, zone);
    if (start >= from && start < to) starts.push(start);
  }
  return starts;
}
