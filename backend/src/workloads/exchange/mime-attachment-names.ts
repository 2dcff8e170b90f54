import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { Headers, type MimeNode } from '@zone-eu/mailsplit';
import libmime from 'libmime';
import { searchTermsOf, type NewItemVersion } from '../../catalog/index.js';
import { MimePartScanner } from './mime-part-scanner.js';

/** Enough for any real message; a crafted one with more parts lists its first ones. */
const maxNames = 250;
const maxNameLength = 255;
/** An attached message's header block is read from at most this much of its body. */
const attachedHeadBytes = 64 * 1024;

/**
 * The attachment names of backed-up messages, read from their MIME as it streams from Graph into the content store,
 * so listing them costs no request (Graph's message JSON only says `hasAttachments`). Only header blocks are parsed;
 * bodies are searched for delimiter lines and pass on (mime-part-scanner.ts).
 */
export class MessageAttachmentNames {
  private readonly byMessage = new Map<string, AttachmentNameCollector>();

  /** The same bytes as `source`; the message's names are known once they have all been read. */
  watch(messageId: string, source: Readable): Readable {
    const collector = new AttachmentNameCollector();
    this.byMessage.set(messageId, collector);
    // A read that fails reaches the store through the collector, and leaves no names behind.
    return pipeline(source, collector, (error) => {
      if (error) this.byMessage.delete(messageId);
    });
  }

  /** The version with the names its MIME held, also made searchable. */
  addTo(version: NewItemVersion): NewItemVersion {
    const collector = this.byMessage.get(version.graphId);
    this.byMessage.delete(version.graphId);
    const names = collector?.names ?? [];
    if (names.length === 0) return version;
    return {
      ...version,
      attachmentNames: names,
      searchTerms: searchTermsOf(...version.searchTerms, ...names),
    };
  }
}

/**
 * A pass-through stream that hands every chunk on untouched and shows a copy to a MIME part scanner, keeping the names
 * of the parts a mail client shows as attachments: every part with a file name except pictures embedded in the body
 * (inline images with a Content-ID), and attached messages by file name or else by subject, as Exchange names an item
 * attachment (read from the first 64 KiB of the attached message; parts inside it are its own). A message the scanner
 * cannot read keeps the names found so far; the backup never fails because of it.
 */
export class AttachmentNameCollector extends Transform {
  private readonly found: string[] = [];
  private readonly scanner = new MimePartScanner({
    part: (node) => this.inspect(node),
    body: (node, bytes) => {
      if (node === this.attachedMessage?.node) this.readHead(bytes);
    },
  });
  private attachedMessage: { node: MimeNode; slot: number; head: Buffer[]; bytes: number } | undefined;

  get names(): string[] {
    this.nameAttachedMessage();
    return this.found.filter((name) => name !== '');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.scanner.write(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.scanner.end();
    callback();
  }

  private inspect(node: MimeNode): void {
    this.nameAttachedMessage();
    if (this.found.length >= maxNames || node.multipart) return;
    if (node.root) {
      // A message whose whole body is one file.
      if (node.disposition === 'attachment') this.add(node.filename);
      return;
    }
    if (node.contentType === 'message/rfc822' && !node.filename) {
      this.attachedMessage = { node, slot: this.found.length, head: [], bytes: 0 };
      this.found.push('');
      return;
    }
    if (node.filename && !isEmbeddedPicture(node)) this.add(node.filename);
  }

  private readHead(bytes: Buffer): void {
    const message = this.attachedMessage!;
    if (message.bytes >= attachedHeadBytes) return;
    const kept = bytes.subarray(0, attachedHeadBytes - message.bytes);
    // A copy: the chunk's memory is the store's once it has passed on.
    message.head.push(Buffer.from(kept));
    message.bytes += kept.length;
  }

  /** Names the attached message whose head was being read by its subject. */
  private nameAttachedMessage(): void {
    const message = this.attachedMessage;
    if (!message) return;
    this.attachedMessage = undefined;
    let head = Buffer.concat(message.head);
    if (message.node.encoding === 'base64') {
      const text = head.toString('latin1').replace(/[^A-Za-z0-9+/]/g, '');
      head = Buffer.from(text.slice(0, text.length - (text.length % 4)), 'base64');
    }
    const end = /\r?\n\r?\n/.exec(head.toString('latin1'));
    const subject = new Headers(end ? head.subarray(0, end.index) : head).getFirst('subject');
    this.found[message.slot] = clean(subject && libmime.decodeWords(subject));
  }

  private add(name: string | false | undefined): void {
    const cleaned = clean(name);
    if (cleaned) this.found.push(cleaned);
  }
}

/**
 * A picture the body shows by `cid:` (an inline image with a Content-ID): Outlook does not list it among the
 * attachments. Other inline parts with a file name (a PDF Apple Mail sends inline) are attachments.
 */
function isEmbeddedPicture(node: MimeNode): boolean {
  return (
    node.disposition !== 'attachment' &&
    typeof node.contentType === 'string' &&
    node.contentType.startsWith('image/') &&
    node.headers !== false &&
    node.headers.hasHeader('content-id')
  );
}

function clean(name: string | false | undefined): string {
  return (name || '')
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, maxNameLength);
}
