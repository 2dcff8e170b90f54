import { localeOf, type Language } from '../language/language.js';
import { escapeHtml } from '../portal-users/welcome-letter.js';
import { frameTexts } from './frame-texts.js';

/** A paragraph, or a bulleted list. */
export type LetterBlock = string | { readonly list: readonly string[] };

/** What a letter says, in one language, before greeting, link and footer are added. */
export interface LetterDraft {
  readonly subject: string;
  readonly blocks: readonly LetterBlock[];
}

/** Who reads the letter and why they receive it. */
export interface LetterFrame {
  readonly language: Language;
  readonly recipientName: string;
  /** Where the portal opens; no link when not configured. */
  readonly portalUrl: string | undefined;
  /** One sentence: why this person gets this letter and how to stop it. */
  readonly why: string;
}

export interface RenderedLetter {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Lists longer than this end with "and N more": a letter is read, the log holds the rest. */
const listLimit = 20;

export function renderLetter(draft: LetterDraft, frame: LetterFrame): RenderedLetter {
  const t = frameTexts.in(frame.language);
  const blocks: LetterBlock[] = [
    t.greeting({ name: frame.recipientName }),
    ...draft.blocks,
    ...(frame.portalUrl ? [t.openPortal({ url: frame.portalUrl })] : []),
    frame.why,
    'Custodia, Backup Office 365',
  ].map((block) => (typeof block === 'string' ? block : { list: shorten(block.list, frame.language) }));
  return {
    subject: draft.subject,
    text: blocks
      .map((block) => (typeof block === 'string' ? block : block.list.map((l) => `- ${l}`).join('\n')))
      .join('\n\n'),
    html: blocks.map((block) => toHtml(block, frame.portalUrl)).join('\n'),
  };
}

function shorten(list: readonly string[], language: Language): string[] {
  if (list.length <= listLimit) return [...list];
  const more = list.length - listLimit;
  return [...list.slice(0, listLimit), frameTexts.text('andMore', { more }, language)];
}

function toHtml(block: LetterBlock, portalUrl: string | undefined): string {
  if (typeof block !== 'string') return `<ul>${block.list.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  const paragraph = escapeHtml(block);
  if (!portalUrl) return `<p>${paragraph}</p>`;
  const url = escapeHtml(portalUrl);
  return `<p>${paragraph.replace(url, `<a href="${url}">${url}</a>`)}</p>`;
}

/** Where the product's customers are, unless a job says otherwise. */
export const defaultTimeZone = 'Europe/Rome';

/** A date and time as people read them in that language, in the given time zone. */
export function formatWhen(when: Date, language: Language, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(when);
}
