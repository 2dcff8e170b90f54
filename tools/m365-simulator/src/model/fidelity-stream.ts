import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ContactRecord, EventRecord, MailboxOnlyItemRecord, MessageRecord } from './records.js';
import type { MailboxItemView } from './mailbox-view.js';

/**
 * THE SIMULATOR'S OWN full-fidelity item stream, the stand-in for Exchange's FastTransfer stream that `exportItems`
 * returns and an import session takes back (https://learn.microsoft.com/graph/api/mailbox-exportitems: "The data
 * stream isn't intended for parsing, but can be used to import an item back into an Exchange mailbox"). Clients must
 * treat it as opaque bytes: store it, hand it back, never read or build it. Its layout may change at any time.
 *
 * Layout (version 1):
 *
 *   offset  size  content
 *   0       4     magic "CSFS" (Custodia Simulator Fidelity Stream)
 *   4       1     version, 1
 *   5       32    HMAC-SHA256 over magic, version and payload
 *   37      …     payload: gzip of the UTF-8 JSON of the whole item (every stored property; a message's MIME in base64)
 *
 * The MAC makes a changed or truncated stream fail on import (400), as a corrupt FastTransfer stream would. Its key is
 * the same for every simulator process, so a stream exported before a restart, or from another simulated tenant,
 * imports afterwards, as Exchange streams do.
 */

const MAGIC = Buffer.from('CSFS', 'latin1');
const VERSION = 1;
const MAC_BYTES = 32;
const HEADER_BYTES = MAGIC.length + 1 + MAC_BYTES;
const KEY = createHash('sha256').update('custodia m365-simulator fidelity stream key, version 1').digest();

/** A message as exported: every property of its record except where it lives, and its exact MIME bytes. */
export type ExportedMessage = Omit<MessageRecord, 'id' | 'seq' | 'parentFolderId' | 'source'> & { mime: Buffer };
export type ExportedContact = Omit<ContactRecord, 'id' | 'seq' | 'parentFolderId'>;
export type ExportedEvent = Omit<EventRecord, 'id' | 'seq' | 'calendarId'>;
export type ExportedMailboxOnlyItem = Omit<MailboxOnlyItemRecord, 'id' | 'seq' | 'parentFolderId'>;

export type FidelityItem =
  | { kind: 'message'; message: ExportedMessage }
  | { kind: 'contact'; contact: ExportedContact }
  | { kind: 'event'; event: ExportedEvent }
  | { kind: 'task'; item: ExportedMailboxOnlyItem }
  | { kind: 'note'; item: ExportedMailboxOnlyItem };

/** Why a stream was refused on import. */
export class InvalidFidelityStream extends Error {}

/** A deep copy through JSON: what the stream holds is a snapshot, never shared with the live record. */
function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function exportItem(item: MailboxItemView): FidelityItem {
  if (item.kind === 'message') {
    const { id: _id, seq: _seq, parentFolderId: _folder, source, ...properties } = item.record;
    return { kind: 'message', message: { ...snapshot(properties), mime: Buffer.from(source.mime()) } };
  }
  if (item.kind === 'contact') {
    const { id: _id, seq: _seq, parentFolderId: _folder, ...properties } = item.record;
    return { kind: 'contact', contact: snapshot(properties) };
  }
  if (item.kind === 'task' || item.kind === 'note') {
    const { id: _id, seq: _seq, parentFolderId: _folder, ...properties } = item.record;
    return item.kind === 'task'
      ? { kind: 'task', item: snapshot(properties) }
      : { kind: 'note', item: snapshot(properties) };
  }
  const { id: _id, seq: _seq, calendarId: _calendar, ...properties } = item.record;
  return { kind: 'event', event: snapshot(properties) };
}

function mac(version: number, payload: Buffer): Buffer {
  return createHmac('sha256', KEY).update(MAGIC).update(Buffer.of(version)).update(payload).digest();
}

export function encodeFidelityStream(item: FidelityItem): Buffer {
  const json =
    item.kind === 'message'
      ? { kind: 'message', message: { ...item.message, mime: item.message.mime.toString('base64') } }
      : item;
  const payload = gzipSync(Buffer.from(JSON.stringify(json), 'utf8'));
  return Buffer.concat([MAGIC, Buffer.of(VERSION), mac(VERSION, payload), payload]);
}

export function decodeFidelityStream(stream: Buffer): FidelityItem {
  if (stream.length <= HEADER_BYTES || !stream.subarray(0, MAGIC.length).equals(MAGIC))
    throw new InvalidFidelityStream('The data is not an item stream exported by this service.');
  const version = stream[MAGIC.length];
  if (version !== VERSION) throw new InvalidFidelityStream(`Item stream version ${String(version)} is not supported.`);
  const payload = stream.subarray(HEADER_BYTES);
  const expected = mac(version, payload);
  if (!timingSafeEqual(expected, stream.subarray(MAGIC.length + 1, HEADER_BYTES)))
    throw new InvalidFidelityStream('The item stream is corrupt or truncated.');
  let parsed: { kind?: string; message?: Record<string, unknown>; contact?: unknown; event?: unknown; item?: unknown };
  try {
    parsed = JSON.parse(gunzipSync(payload).toString('utf8')) as typeof parsed;
  } catch {
    throw new InvalidFidelityStream('The item stream is corrupt or truncated.');
  }
  if (parsed.kind === 'message' && parsed.message && typeof parsed.message['mime'] === 'string') {
    const message = parsed.message as unknown as Omit<ExportedMessage, 'mime'> & { mime: string };
    return { kind: 'message', message: { ...message, mime: Buffer.from(message.mime, 'base64') } };
  }
  if (parsed.kind === 'contact' && parsed.contact)
    return { kind: 'contact', contact: parsed.contact as ExportedContact };
  if (parsed.kind === 'event' && parsed.event) return { kind: 'event', event: parsed.event as ExportedEvent };
  if (parsed.kind === 'task' && parsed.item) return { kind: 'task', item: parsed.item as ExportedMailboxOnlyItem };
  if (parsed.kind === 'note' && parsed.item) return { kind: 'note', item: parsed.item as ExportedMailboxOnlyItem };
  throw new InvalidFidelityStream('The item stream holds no item the service can import.');
}
