import type { Language } from '../i18n/messages.js';

const locales: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, language: Language, never: string): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
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
