import { createHash } from 'node:crypto';
import type { Compression } from './blob-codec.js';
import { open, seal } from './sealed-box.js';

/** One blob as the pack header lists it (FORMAT.md, "Pack files"). */
export interface PackEntry {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
  readonly rawLength: number;
  readonly compression: Compression;
}

interface PackHeader {
  format: 'custodia-pack';
  version: 1;
  tenantId: string;
  blobs: PackEntry[];
}

/** The pack ends with the sealed header's length as a uint32 LE. */
export const HEADER_LENGTH_BYTES = 4;

export const tenantPacksPrefix = (tenantId: string) => `packs/${tenantId}/`;
export const packPath = (tenantId: string, packId: string) => `packs/${tenantId}/${packId.slice(0, 2)}/${packId}`;
export const packIdOfPath = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const headerAad = (tenantId: string) => Buffer.from(`custodia-pack-header-v1:${tenantId}`, 'utf8');

export function packIdOf(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/**
 * Appends the sealed header and its length to the blob boxes: the parts, in order, are the whole pack. They are kept
 * apart rather than concatenated so that a pack being written does not exist twice in memory.
 */
export function finishPack(key: Buffer, tenantId: string, boxes: readonly Buffer[], entries: PackEntry[]): Buffer[] {
  const header: PackHeader = { format: 'custodia-pack', version: 1, tenantId, blobs: entries };
  const sealedHeader = seal(key, headerAad(tenantId), Buffer.from(JSON.stringify(header), 'utf8'));
  const length = Buffer.alloc(HEADER_LENGTH_BYTES);
  length.writeUInt32LE(sealedHeader.length);
  return [...boxes, sealedHeader, length];
}

/** Where the sealed header sits, given the pack's size and its last 4 bytes. */
export function headerSpan(packSize: number, lastFourBytes: Buffer): { offset: number; length: number } | undefined {
  const length = lastFourBytes.readUInt32LE(0);
  const offset = packSize - HEADER_LENGTH_BYTES - length;
  return offset >= 0 ? { offset, length } : undefined;
}

/** Opens a pack header; undefined when it does not open with this tenant's key or is not a version 1 header. */
export function openHeader(key: Buffer, tenantId: string, sealedHeader: Uint8Array): PackEntry[] | undefined {
  const plaintext = open(key, headerAad(tenantId), sealedHeader);
  if (!plaintext) return undefined;
  const header = JSON.parse(plaintext.toString('utf8')) as Partial<PackHeader>;
  if (header.format !== 'custodia-pack' || header.version !== 1 || header.tenantId !== tenantId) return undefined;
  return Array.isArray(header.blobs) ? header.blobs : undefined;
}
