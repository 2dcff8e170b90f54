import { createContext, useContext } from 'react';
import { messages, type Language, type MessageKey } from './messages.js';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface LanguageState {
  readonly language: Language;
  readonly t: Translate;
  setLanguage(language: Language): void;
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function translator(language: Language): Translate {
  return (key, values = {}) => {
    // Keys built from API values (keyOf) may name a value this portal does not know yet: show the key itself.
    const text: string | undefined = messages[language][key];
    return (text ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  };
}

/** Teams locales look like `it-it`, browsers like `it-IT`: Italian for any Italian locale, English otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** Keys such as `role_tenant_admin` from API values that may hold dashes or dots. */
export function keyOf(prefix: string, value: string): MessageKey {
  return `${prefix}_${value.replace(/[-.]/g, '_')}` as MessageKey;
}

export const LanguageContext = createContext<LanguageState>({
  language: 'en',
  t: translator('en'),
  setLanguage: () => undefined,
});

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
