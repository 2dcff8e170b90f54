import type { RecurrenceDefinition } from './definition.js';

const DAY_MS = 24 * 3600 * 1000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Start times of a series' occurrences inside [from, to), for daily and weekly patterns with endDate, numbered or
 * noEnd ranges (https://learn.microsoft.com/graph/api/resources/patternedrecurrence).
 */
export function occurrenceStarts(recurrence: RecurrenceDefinition, firstStart: Date, from: Date, to: Date): Date[] {
  const starts: Date[] = [];
  const timeOfDay = firstStart.getTime() % DAY_MS;
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
  for (let day = rangeStart; day < rangeEnd && day < to.getTime() && count < maxCount; day += DAY_MS) {
    const dayIndex = Math.round((day - rangeStart) / DAY_MS);
    const matches =
      recurrence.pattern.type === 'daily'
        ? dayIndex % interval === 0
        : days.has(WEEKDAYS[new Date(day).getUTCDay()] as string) && Math.floor(dayIndex / 7) % interval === 0;
    if (!matches) continue;
    count++;
    const start = new Date(day + timeOfDay);
    if (start >= from) starts.push(start);
  }
  return starts;
}
