import type { PackBackend } from './pack-backend.js';
import { HEADER_LENGTH_BYTES, headerSpan, openHeader, type PackEntry } from './pack-format.js';

/** Reads and opens a pack's header from its tail; undefined when the pack is too short or the header does not open. */
export async function readPackHeader(
  backend: PackBackend,
  key: Buffer,
  tenantId: string,
  path: string,
  packSize: number,
): Promise<PackEntry[] | undefined> {
  if (packSize < HEADER_LENGTH_BYTES) return undefined;
  const tail = await backend.readPackRange(path, packSize - HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES);
  const span = headerSpan(packSize, tail);
  if (!span) return undefined;
  const sealedHeader = await backend.readPackRange(path, span.offset, span.length);
  try {
    return openHeader(key, tenantId, sealedHeader);
  } catch {
    return undefined;
  }
}
