import type { GraphRequest } from '../http/types.js';

export type BodyType = 'text' | 'html';

export interface ItemBody {
  contentType: BodyType;
  content: string;
}

/**
 * `Prefer: outlook.body-content-type="text"` or `"html"`: the format of **body** and **uniqueBody**; without it "the
 * body and uniqueBody properties are returned in HTML format" (https://learn.microsoft.com/graph/api/message-get#request-headers).
 * Undefined when the request does not ask.
 */
export function preferredBodyType(request: GraphRequest | undefined): BodyType | undefined {
  const prefer = request?.headers['prefer'];
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const match = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(text);
  return match?.[1]?.toLowerCase() as BodyType | undefined;
}

/** The `Preference-Applied` header Graph returns "as confirmation if this Prefer header is specified" (message-get). */
export function bodyPreferenceApplied(request: GraphRequest): Record<string, string> {
  const type = preferredBodyType(request);
  return type ? { 'preference-applied': `outlook.body-content-type="${type}"` } : {};
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML as the plain text Outlook derives from it: tags dropped, block ends as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\r\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|\w+);/g, (all, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? all),
    )
    .trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as the HTML document Exchange serves for it (the page's examples: a whole `<html>` with a meta charset). */
export function textToHtml(text: string): string {
  const lines = escapeHtml(text).split(/\r?\n/).join('<br>\r\n');
  return (
    '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n' +
    `<body>\r\n<div class="PlainText">${lines}</div>\r\n</body>\r\n</html>\r\n`
  );
}

/** The body in the format asked for, converted when it is held in the other one. */
export function bodyAs(body: ItemBody, type: BodyType): ItemBody {
  if (body.contentType === type) return body;
  return { contentType: type, content: type === 'text' ? htmlToText(body.content) : textToHtml(body.content) };
}
