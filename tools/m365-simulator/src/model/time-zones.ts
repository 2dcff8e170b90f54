/**
 * Time zones as Outlook names them in `dateTimeTimeZone.timeZone` and `Prefer: outlook.timezone`: Windows names or
 * IANA names (https://learn.microsoft.com/graph/api/resources/datetimetimezone). Windows names are resolved through a
 * few entries of the Unicode CLDR windowsZones mapping; an IANA name is used as the runtime knows it.
 */
const IANA_OF_WINDOWS_ZONE = new Map<string, string>([
  ['UTC', 'UTC'],
  ['W. Europe Standard Time', 'Europe/Berlin'],
  ['Romance Standard Time', 'Europe/Paris'],
  ['Central Europe Standard Time', 'Europe/Budapest'],
  ['GMT Standard Time', 'Europe/London'],
  ['Eastern Standard Time', 'America/New_York'],
  ['Central Standard Time', 'America/Chicago'],
  ['Pacific Standard Time', 'America/Los_Angeles'],
  ['Tokyo Standard Time', 'Asia/Tokyo'],
]);

/** The IANA zone a Windows or IANA name stands for, or undefined when neither is known. */
export function ianaZoneOf(name: string): string | undefined {
  const candidate = IANA_OF_WINDOWS_ZONE.get(name) ?? name;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: candidate });
    return candidate;
  } catch {
    return undefined;
  }
}

/** How far (ms) the wall clock of `zone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time (`2026-01-12T09:00:00`, fractions allowed) stands for in an IANA zone. */
export function instantOfWallTime(wallTime: string, zone: string): Date {
  const floating = Date.parse(`${wallTime.replace(/Z$/, '')}Z`);
  const first = floating - offsetAt(floating, zone);
  return new Date(floating - offsetAt(first, zone));
}

/** The wall-clock time an instant shows in an IANA zone, with Outlook's seven fractional digits. */
export function wallTimeOf(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), zone));
  return `${shifted.toISOString().slice(0, 19)}.0000000`;
}
