import { createHash } from 'node:crypto';
import { DECODE_FAILURE_TEXT, decodeBlob, type DecodeFailure } from './blob-codec.js';
import type { BlobPlace } from './blob-index.js';
import type { ContentRef } from './content-store.js';
import { StoreError } from './errors.js';
import type { KeyRing } from './key-ring.js';
import type { PackBackend } from './pack-backend.js';
import { packPath } from './pack-format.js';
import type { StoreIndex } from './store-index.js';

/** Blobs located per index query, and blobs fetched ahead of the consumer. */
const LOCATE_BATCH = 256;
const READ_AHEAD = 2;

/**
 * Yields the plaintext of a content reference blob by blob, each one checked against its id, then checks the whole
 * against the reference's size and SHA-256. Holds at most READ_AHEAD + 1 blobs in memory.
 */
export async function* readContent(
  backend: PackBackend,
  index: StoreIndex,
  keys: KeyRing,
  tenantId: string,
  ref: ContentRef,
): AsyncGenerator<Buffer> {
  const whole = createHash('sha256');
  let size = 0;
  if (ref.blobIds.length > 0) {
    const key = await keys.existingDataKey(tenantId);
    const readBox = (location: BlobPlace) =>
      backend.readPackRange(packPath(tenantId, location.packId), location.offset, location.length);
    const fetchBlob = async (found: BlobPlace | undefined, blobId: string): Promise<Buffer> => {
      if (!found || !key) throw blobNotFound(tenantId, blobId);
      let location = found;
      // Garbage collection may have rewritten the pack since the view was read: its index then names another copy.
      const box = await readBox(location).catch(async (error: unknown) => {
        const moved = await index.relocate(tenantId, blobId, location.packId);
        if (!moved) throw unreadablePack(tenantId, location.packId, error);
        location = moved;
        return readBox(moved).catch((again: unknown) => {
          throw unreadablePack(tenantId, moved.packId, again);
        });
      });
      const plaintext = await decodeBlob(key, location, box);
      if (typeof plaintext === 'string') throw corruptBlob(tenantId, location, plaintext);
      return plaintext;
    };
    for (let start = 0; start < ref.blobIds.length; start += LOCATE_BATCH) {
      const batch = ref.blobIds.slice(start, start + LOCATE_BATCH);
      const locations = await index.locate(tenantId, batch);
      const ahead: Promise<Buffer>[] = [];
      let next = 0;
      const fill = () => {
        while (next < batch.length && ahead.length <= READ_AHEAD) {
          const blobId = batch[next++]!;
          const fetching = fetchBlob(locations.get(blobId), blobId);
          fetching.catch(() => undefined);
          ahead.push(fetching);
        }
      };
      fill();
      while (ahead.length > 0) {
        const plaintext = await ahead.shift()!;
        fill();
        whole.update(plaintext);
        size += plaintext.length;
        yield plaintext;
      }
    }
  }
  if (size !== ref.size || whole.digest('hex') !== ref.sha256) {
    throw new StoreError('content-mismatch', {
      en: `the content read for tenant ${tenantId} does not match its reference (${size} bytes read, ${ref.size} expected)`,
      it: `il contenuto letto per il tenant ${tenantId} non corrisponde al suo riferimento (${size} byte letti, ${ref.size} attesi)`,
    });
  }
}

function blobNotFound(tenantId: string, blobId: string): StoreError {
  return new StoreError('blob-not-found', {
    en: `blob ${blobId} of tenant ${tenantId} is not in the store (never flushed, or written for another tenant)`,
    it: `il blob ${blobId} del tenant ${tenantId} non è nell'archivio (mai reso durevole, o scritto per un altro tenant)`,
  });
}

function corruptBlob(tenantId: string, location: BlobPlace, failure: DecodeFailure): StoreError {
  const reason = DECODE_FAILURE_TEXT[failure];
  return new StoreError('corrupt-blob', {
    en: `blob ${location.blobId} of tenant ${tenantId} in pack ${location.packId} ${reason.en}: the pack is damaged`,
    it: `il blob ${location.blobId} del tenant ${tenantId} nel pack ${location.packId} ${reason.it}: il pack è danneggiato`,
  });
}

function unreadablePack(tenantId: string, packId: string, cause: unknown): StoreError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new StoreError(
    'corrupt-pack',
    {
      en: `pack ${packId} of tenant ${tenantId} cannot be read (${detail})`,
      it: `il pack ${packId} del tenant ${tenantId} non si può leggere (${detail})`,
    },
    { cause },
  );
}
