/**
 * Every `what` the comparison writes, in English and Italian. The comparison builds `what` only through `phrase()`,
 * so describeDifference can match it back to its pattern and render the other language without the difference
 * carrying anything beyond the four fields of MailDifference.
 */
interface Phrase {
  /** The English phrase, `{name}` marking an argument. */
  en: string;
  it: string;
}

export const phrases = {
  headerMissing: { en: 'header {name} missing', it: 'intestazione {name} mancante' },
  headersMissing: { en: '{count} {name} headers missing', it: '{count} intestazioni {name} mancanti' },
  headerAdded: { en: 'header {name} added', it: 'intestazione {name} aggiunta' },
  headersAdded: { en: '{count} {name} headers added', it: '{count} intestazioni {name} aggiunte' },
  headerDiffers: { en: 'header {name} differs', it: 'intestazione {name} diversa' },
  contentTypeDiffers: { en: 'content type differs', it: 'tipo di contenuto diverso' },
  charsetDiffers: { en: 'charset differs', it: 'set di caratteri diverso' },
  parameterMissing: { en: 'parameter {name} missing', it: 'parametro {name} mancante' },
  parameterAdded: { en: 'parameter {name} added', it: 'parametro {name} aggiunto' },
  parameterDiffers: { en: 'parameter {name} differs', it: 'parametro {name} diverso' },
  fileNameDiffers: { en: 'file name differs', it: 'nome del file diverso' },
  dispositionDiffers: { en: 'disposition differs', it: 'disposizione diversa' },
  partMissing: { en: 'part missing', it: 'parte mancante' },
  partAdded: { en: 'part added', it: 'parte aggiunta' },
  textDiffers: { en: 'text differs', it: 'testo diverso' },
  contentDiffers: { en: 'content differs', it: 'contenuto diverso' },
  signedContentChanged: {
    en: 'signed content changed',
    it: 'contenuto firmato modificato',
  },
  messageUnreadable: { en: 'attached message unreadable', it: 'messaggio allegato illeggibile' },
} as const satisfies Record<string, Phrase>;

export type PhraseId = keyof typeof phrases;

function fill(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => String(args[key] ?? `{${key}}`));
}

/** The English `what` for a phrase. */
export function phrase(id: PhraseId, args: Record<string, string | number> = {}): string {
  return fill(phrases[id].en, args);
}

function patternOf(template: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((piece) => {
      const key = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (key === undefined) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(key);
      return '(.+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), keys };
}

const matchers = Object.values(phrases).map((entry) => ({ entry, ...patternOf(entry.en) }));

/** A `what` in Italian; a phrase this module did not write comes back unchanged. */
export function italianWhat(what: string): string {
  for (const { entry, pattern, keys } of matchers) {
    const match = pattern.exec(what);
    if (!match) continue;
    return fill(entry.it, Object.fromEntries(keys.map((key, index) => [key, match[index + 1] ?? ''])));
  }
  return what;
}

/** A `where` in Italian: `headers`, `body`, `part`, `attachment` translated, names and numbers kept. */
export function italianWhere(where: string): string {
  return where
    .split(' > ')
    .map((step) =>
      step
        .replace(/^headers$/, 'intestazioni')
        .replace(/^body$/, 'corpo')
        .replace(/^part /, 'parte ')
        .replace(/^attachment /, 'allegato '),
    )
    .join(' > ');
}
