import type { Language } from '../i18n/messages.js';

const locales: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, language: Language, never: string): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
}
