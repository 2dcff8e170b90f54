import libmime from 'libmime';

/**
 * A small MIME writer for the test corpus: messages are described as trees and rendered with options that change
 * only the representation (folding, boundaries, base64 and quoted-printable line lengths, encoded-word flavour,
 * parameter encoding), so one tree rendered two ways must compare equal, and a changed tree must not.
 */
export interface RenderOptions {
  /** Header lines are folded at spaces to stay within this width where the words allow. */
  foldWidth: number;
  /** What a fold continues with: the space it replaced, or a tab (both unfold to folding whitespace). */
  foldWith: ' ' | '\t';
  boundarySeed: string;
  base64LineLength: number;
  quotedPrintableLineLength: number;
  /** How non-ASCII header text is written as RFC 2047 encoded-words. */
  wordEncoding: 'Q' | 'B';
  /** How a non-ASCII parameter (a file name) is written: RFC 2231 in one piece or in continuations, or as Outlook does. */
  parameterEncoding: 'rfc2231' | 'rfc2231-continued' | 'encoded-word';
}

export const defaultRendering: RenderOptions = {
  foldWidth: 76,
  foldWith: ' ',
  boundarySeed: 'custodia',
  base64LineLength: 76,
  quotedPrintableLineLength: 76,
  wordEncoding: 'Q',
  parameterEncoding: 'rfc2231',
};

export interface Structured {
  value: string;
  params?: Record<string, string>;
}

export type TransferEncoding = 'base64' | 'quoted-printable' | '7bit' | '8bit';

interface EntityHeaders {
  /** Headers other than the content headers, in order. Non-ASCII values are written as encoded-words. */
  headers?: Array<[string, string]>;
  /** Header values written as latin1 bytes, as a pre-MIME mailer wrote them (no encoded-words). */
  raw8bitHeaders?: boolean;
  disposition?: Structured;
}

export interface LeafPart extends EntityHeaders {
  kind: 'leaf';
  /** Absent for a pre-MIME body: no Content-Type header at all. */
  contentType?: Structured;
  /** Absent: no Content-Transfer-Encoding header, the body written as it is. */
  encoding?: TransferEncoding;
  body: Buffer;
}

export interface MultipartPart extends EntityHeaders {
  kind: 'multipart';
  subtype: string;
  params?: Record<string, string>;
  parts: MimePart[];
}

export interface MessagePart extends EntityHeaders {
  kind: 'message';
  message: MimePart;
}

/** An entity already rendered (the content of a signature), written byte for byte whatever the options. */
export interface RawPart {
  kind: 'raw';
  bytes: Buffer;
}

export type MimePart = LeafPart | MultipartPart | MessagePart | RawPart;

const crlf = '\r\n';

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

function fold(line: string, options: RenderOptions): string {
  const words = line.split(' ');
  const lines: string[] = [];
  let current = words.shift() ?? '';
  for (const word of words) {
    if (current.length + 1 + word.length > options.foldWidth && current.trim() !== '') {
      lines.push(current);
      current = word;
    } else {
      current += ` ${word}`;
    }
  }
  lines.push(current);
  return lines.join(`${crlf}${options.foldWith}`);
}

function headerValue(value: string, options: RenderOptions, raw8bit: boolean): string {
  if (raw8bit || isAscii(value)) return value;
  return libmime.encodeWords(value, options.wordEncoding, 40);
}

function parameter(key: string, value: string, options: RenderOptions): string {
  if (isAscii(value)) return `${key}="${value.replace(/(["\\])/g, '\\$1')}"`;
  if (options.parameterEncoding === 'encoded-word') return `${key}="${libmime.encodeWord(value, 'B')}"`;
  const encoded = encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (options.parameterEncoding === 'rfc2231') return `${key}*=utf-8''${encoded}`;
  const pieces = encoded.match(/(%[0-9A-F]{2}|[^%]){1,12}/g) ?? [];
  return pieces.map((piece, index) => `${key}*${index}*=${index === 0 ? "utf-8''" : ''}${piece}`).join('; ');
}

function structured(value: Structured, options: RenderOptions): string {
  const params = Object.entries(value.params ?? {}).map(([key, param]) => parameter(key, param, options));
  return [value.value, ...params].join('; ');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += width) lines.push(text.slice(start, start + width));
  return lines.join(crlf);
}

function quotedPrintable(body: Buffer, width: number): string {
  const encodedLines = body
    .toString('latin1')
    .split(crlf)
    .map((line) => {
      let encoded = '';
      for (let index = 0; index < line.length; index++) {
        const code = line.charCodeAt(index);
        const last = index === line.length - 1;
        const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !last);
        encoded += literal ? line[index] : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      const softLines: string[] = [];
      while (encoded.length > width - 1) {
        let cut = width - 1;
        const escape = encoded.lastIndexOf('=', cut - 1);
        if (escape > cut - 3) cut = escape;
        softLines.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      softLines.push(encoded);
      return softLines.join(crlf);
    });
  return encodedLines.join(crlf);
}

function encodedBody(part: LeafPart, options: RenderOptions): Buffer {
  switch (part.encoding) {
    case 'base64':
      return Buffer.from(wrap(part.body.toString('base64'), options.base64LineLength), 'latin1');
    case 'quoted-printable':
      return Buffer.from(quotedPrintable(part.body, options.quotedPrintableLineLength), 'latin1');
    default:
      return part.body;
  }
}

class Renderer {
  private boundaries = 0;

  constructor(private readonly options: RenderOptions) {}

  private headerBlock(part: EntityHeaders, contentHeaders: Array<[string, string]>): Buffer {
    const raw8bit = part.raw8bitHeaders === true;
    const lines = [...(part.headers ?? []), ...contentHeaders].map(([name, value]) =>
      fold(`${name}: ${headerValue(value, this.options, raw8bit)}`, this.options),
    );
    if (part.disposition) {
      lines.push(fold(`Content-Disposition: ${structured(part.disposition, this.options)}`, this.options));
    }
    return Buffer.from(lines.map((line) => `${line}${crlf}`).join('') + crlf, raw8bit ? 'latin1' : 'utf8');
  }

  render(part: MimePart): Buffer {
    switch (part.kind) {
      case 'raw':
        return part.bytes;
      case 'leaf': {
        const contentHeaders: Array<[string, string]> = [];
        if (part.contentType) contentHeaders.push(['Content-Type', structured(part.contentType, this.options)]);
        if (part.encoding) contentHeaders.push(['Content-Transfer-Encoding', part.encoding]);
        return Buffer.concat([this.headerBlock(part, contentHeaders), encodedBody(part, this.options)]);
      }
      case 'message':
        return Buffer.concat([this.headerBlock(part, [['Content-Type', 'message/rfc822']]), this.render(part.message)]);
      case 'multipart': {
        const boundary = `=_${this.options.boundarySeed}_${++this.boundaries}`;
        const contentType = structured(
          { value: `multipart/${part.subtype}`, params: { ...part.params, boundary } },
          this.options,
        );
        const pieces: Buffer[] = [this.headerBlock(part, [['Content-Type', contentType]])];
        for (const child of part.parts) {
          pieces.push(Buffer.from(`--${boundary}${crlf}`), this.render(child), Buffer.from(crlf));
        }
        pieces.push(Buffer.from(`--${boundary}--${crlf}`));
        return Buffer.concat(pieces);
      }
    }
  }
}

export function renderMime(part: MimePart, options: Partial<RenderOptions> = {}): Buffer {
  return new Renderer({ ...defaultRendering, ...options }).render(part);
}
