const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC calendar day of an instant, as yyyy-mm-dd. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The day `days` after (or before, when negative) a yyyy-mm-dd day. */
export const addDays = (day: string, days: number): string => utcDay(new Date(Date.parse(day) + days * DAY_MS));

/** Days from `from` to `to`, both counted. */
export const daysSpanned = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** The first instant of a day and of the next one. */
export const dayBounds = (day: string): { start: Date; end: Date } => ({
  start: new Date(Date.parse(day)),
  end: new Date(Date.parse(day) + DAY_MS),
});
