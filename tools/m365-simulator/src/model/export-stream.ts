import { ByteBoundedCache } from '../util/byte-bounded-cache.js';
import { encodeFidelityStream, exportItem } from './fidelity-stream.js';
import type { MailboxItemView } from './mailbox-view.js';
import type { MessageSource } from './records.js';

/**
 * The encoded full-fidelity stream `exportItems` returns for an item, memoized. Encoding gzips the whole item (a
 * message's MIME included) and was the simulator's largest cost when a backup and the benchmark's ceiling export the
 * same items. The stream is a function of the item's exported properties (every stored property but its id, seq and
 * folder) and, for a message, of its MIME source, which is replaced (never changed in place) when its content
 * changes. An entry is used only while both are the same, so an edited, flagged, categorized or re-sourced item is
 * encoded again: the bytes a client receives are exactly those encoding would give.
 */

interface Entry {
  properties: string;
  source: MessageSource | undefined;
  stream: Buffer;
}

/** Default budget: enough for a small generated tenant's mail; a larger tenant keeps its most recent exports. */
export const DEFAULT_EXPORT_CACHE_BYTES = 64 * 1024 * 1024;

/** One simulator's memoized streams, keyed by item record; `maxBytes` bounds the memory they hold. */
export class ExportStreams {
  private readonly streams: ByteBoundedCache<object, Entry>;

  constructor(maxBytes = DEFAULT_EXPORT_CACHE_BYTES) {
    this.streams = new ByteBoundedCache(maxBytes);
  }

  streamOf(item: MailboxItemView): Buffer {
    const properties = exportedProperties(item);
    const source = item.kind === 'message' ? item.record.source : undefined;
    const cached = this.streams.get(item.record);
    if (cached && cached.properties === properties && cached.source === source) return cached.stream;
    const stream = encodeFidelityStream(exportItem(item));
    this.streams.set(item.record, { properties, source, stream }, stream.length + properties.length * 2);
    return stream;
  }
}

/** The exported properties, as the stream's snapshot of them reads them (JSON). */
function exportedProperties(item: MailboxItemView): string {
  if (item.kind === 'message') {
    const { id: _id, seq: _seq, parentFolderId: _folder, source: _source, ...properties } = item.record;
    return JSON.stringify(properties);
  }
  if (item.kind === 'event') {
    const { id: _id, seq: _seq, calendarId: _calendar, ...properties } = item.record;
    return JSON.stringify(properties);
  }
  const { id: _id, seq: _seq, parentFolderId: _folder, ...properties } = item.record;
  return JSON.stringify(properties);
}
