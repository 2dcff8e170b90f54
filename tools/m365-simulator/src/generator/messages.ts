import { exchangeIdFrom } from '../util/ids.js';
import { createRandom, hashSeed, intBetween, pick, type Random } from '../util/random.js';
import type { AttachmentContent, MessageContent } from '../mime/types.js';
import type { ChangeClock } from '../model/clock.js';
import { addFolder, findFolder, messageRecord, rootFolderId, storeMessage } from '../model/mailbox.js';
import { lazySource } from '../model/message-source.js';
import type { Mailbox, UserRecord } from '../model/records.js';
import { ATTACHMENT_NAMES, FOLDER_NAMES, SENTENCES_EN, SENTENCES_IT, SUBJECTS_EN, SUBJECTS_IT } from './corpus.js';

const GENERATED_FROM = Date.parse('2024-01-01T00:00:00Z');
const GENERATED_SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

interface Header {
  subject: string;
  from: UserRecord;
  to: UserRecord[];
  date: Date;
  italian: boolean;
  /** Indexes into the tenant-wide set of shared attachments, so the same file reaches many mailboxes. */
  attachments: number[];
  inlineImage: boolean;
}

/** The cheap part of a generated message: enough for its JSON, derived again from (seed, user, index) on demand. */
function headerFor(seed: number, user: UserRecord, users: UserRecord[], index: number): Header {
  const random = createRandom(hashSeed(seed, user.index, index));
  const italian = random() < 0.7;
  const other = pick(random, users);
  const incoming = random() < 0.75;
  const subject = pick(random, italian ? SUBJECTS_IT : SUBJECTS_EN).replace(
    '{n}',
    String(intBetween(random, 100, 9999)),
  );
  const attachmentRoll = random();
  const attachments =
    attachmentRoll < 0.2 ? [intBetween(random, 0, ATTACHMENT_NAMES.length - 1)] : attachmentRoll < 0.25 ? [0, 3] : [];
  return {
    subject,
    from: incoming ? other : user,
    to: incoming ? [user] : [other],
    date: new Date(GENERATED_FROM + Math.floor(random() * GENERATED_SPAN_MS)),
    italian,
    attachments,
    inlineImage: random() < 0.1,
  };
}

/**
 * Bytes of the tenant's shared attachments, derived once per (seed, index): every generated message that carries one
 * is built again on each read, and deriving 20-200 KB byte by byte was a large share of the simulator's time. At most
 * ATTACHMENT_NAMES.length entries per seed; the buffers are never written after they are made.
 */
const sharedAttachmentBytes = new Map<string, Buffer>();
const MAX_SHARED_ATTACHMENTS = 1024;

function sharedAttachmentBytesOf(seed: number, index: number): Buffer {
  const key = `${seed}:${index}`;
  const known = sharedAttachmentBytes.get(key);
  if (known) return known;
  const random = createRandom(hashSeed(seed, 'attachment', index));
  const size = intBetween(random, 20_000, 200_000);
  const bytes = Buffer.allocUnsafe(size);
  for (let offset = 0; offset < size; offset++) bytes[offset] = Math.floor(random() * 256);
  // Many simulators in one test process each have their own seed: bound the map rather than keep every seed's set.
  if (sharedAttachmentBytes.size >= MAX_SHARED_ATTACHMENTS) sharedAttachmentBytes.clear();
  sharedAttachmentBytes.set(key, bytes);
  return bytes;
}

/** Attachment k of the tenant: the same bytes wherever it is mailed, so deduplication has something to find. */
function sharedAttachment(seed: number, index: number): AttachmentContent {
  const name = ATTACHMENT_NAMES[index % ATTACHMENT_NAMES.length] as string;
  return { name, contentType: contentTypeOf(name), isInline: false, bytes: sharedAttachmentBytesOf(seed, index) };
}

function contentTypeOf(name: string): string {
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.pptx')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
}

/** A 1x1 PNG: a real image, so inline images round-trip as images. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function paragraphs(random: Random, italian: boolean): string[] {
  const sentences = italian ? SENTENCES_IT : SENTENCES_EN;
  return Array.from({ length: intBetween(random, 2, 6) }, () => pick(random, sentences));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function generatedMessageId(seed: number, user: UserRecord, index: number): string {
  return `${hashSeed(seed, user.index, index).toString(16)}.${index}@custodia.sim`;
}

export function generatedContent(seed: number, user: UserRecord, users: UserRecord[], index: number): MessageContent {
  const header = headerFor(seed, user, users, index);
  const random = createRandom(hashSeed(seed, user.index, index, 'body'));
  const lines = paragraphs(random, header.italian);
  const image = header.inlineImage ? `<p><img src="cid:logo-${index}@custodia.sim" alt="logo"></p>` : '';
  const signature = `${header.from.displayName}<br>${header.from.jobTitle ?? ''}`;
  const html = `<html><body>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${image}<p>${signature}</p></body></html>`;
  const attachments = header.attachments.map((attachmentIndex) => sharedAttachment(seed, attachmentIndex));
  if (header.inlineImage) {
    attachments.push({
      name: 'logo.png',
      contentType: 'image/png',
      isInline: true,
      contentId: `logo-${index}@custodia.sim`,
      bytes: PIXEL_PNG,
    });
  }
  return {
    subject: header.subject,
    from: { name: header.from.displayName, address: header.from.mail },
    to: header.to.map((recipient) => ({ name: recipient.displayName, address: recipient.mail })),
    cc: [],
    date: header.date,
    messageId: generatedMessageId(seed, user, index),
    body: { contentType: 'html', content: html },
    attachments,
  };
}

/**
 * Fills a mailbox with `messages` generated messages spread over nested folders (including unicode and very long
 * names). Only metadata is held; bodies, attachments and MIME are derived again when read.
 */
export function generateMessages(
  mailbox: Mailbox,
  clock: ChangeClock,
  user: UserRecord,
  users: UserRecord[],
  spec: { messages: number; seed: number },
): void {
  const random = createRandom(hashSeed(spec.seed, user.index, 'folders'));
  const inbox = findFolder(mailbox, 'inbox');
  const sent = findFolder(mailbox, 'sentitems');
  if (!inbox || !sent) throw new Error('mailbox without inbox or sent items');
  const folders = [inbox.id];
  for (const name of FOLDER_NAMES.slice(0, intBetween(random, 2, FOLDER_NAMES.length))) {
    const parent = random() < 0.3 ? pick(random, folders) : rootFolderId(user.id);
    folders.push(addFolder(mailbox, clock, { displayName: name, parentFolderId: parent }, false).id);
  }
  for (let index = 0; index < spec.messages; index++) {
    const header = headerFor(spec.seed, user, users, index);
    const outgoing = header.from.id === user.id && header.to[0]?.id !== user.id;
    const folderId = outgoing ? sent.id : index % 3 === 0 ? inbox.id : (folders[index % folders.length] as string);
    const date = header.date.toISOString();
    const derive = () => generatedContent(spec.seed, user, users, index);
    const record = messageRecord({
      id: exchangeIdFrom('AAMkAGI2', user.id, 'generated', spec.seed, index),
      folderId,
      source: lazySource(derive),
      content: {
        subject: header.subject,
        from: { name: header.from.displayName, address: header.from.mail },
        to: header.to.map((recipient) => ({ name: recipient.displayName, address: recipient.mail })),
        cc: [],
        date: header.date,
        messageId: generatedMessageId(spec.seed, user, index),
        body: { contentType: 'html', content: '' },
        attachments: header.attachments.map((attachmentIndex) => ({
          name: ATTACHMENT_NAMES[attachmentIndex % ATTACHMENT_NAMES.length] as string,
          contentType: 'application/octet-stream',
          isInline: false,
          bytes: Buffer.alloc(0),
        })),
      },
      isRead: index % 4 !== 0,
      isDraft: false,
      receivedDateTime: date,
      sentDateTime: date,
      createdDateTime: date,
    });
    storeMessage(mailbox, record, false);
  }
}
