import type { Language } from '../i18n/messages.js';

const locales: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * A date and time with its zone's name ("6 Dec 2026, 03:28 CET"), so that one instant never reads as two unlabelled
 * times on two pages: in `timeZone` (an IANA name, such as a job's Europe/Rome) when given, else the browser's.
 */
export function formatDateTime(
  iso: string | null | undefined,
  language: Language,
  never: string,
  timeZone?: string,
): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString(locales[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone !== undefined && { timeZone }),
  });
}

/** A count in the language's number format (1,234 / 1.234). */
export function formatCount(count: number, language: Language): string {
  return count.toLocaleString(locales[language]);
}

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Sizes as people read them (1 KB = 1024 bytes), in the language's number format. */
export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locales[language], { maximumFractionDigits: digits })} ${byteUnits[unit]}`;
}
