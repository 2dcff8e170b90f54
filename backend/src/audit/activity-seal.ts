import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { ActivityEntry } from './activity-store.js';

/** The hash the first row of every tenant's chain points back to. */
export const genesisHash = '0'.repeat(64);

/**
 * The key that seals activity rows, derived from the master key: someone who can write to the database but does not
 * hold the master key cannot re-seal an edited row, so even a re-sealed chain is detected.
 */
export function activityChainKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, 'custodia', 'activity-log-chain/v1', 32));
}

function sealedContent(entry: Omit<ActivityEntry, 'hash'>): string {
  const { tenantId, seq, at, actor, action, category, target, details, prevHash } = entry;
  return canonicalJson({ tenantId, seq, at, actor, action, category, target, details, prevHash });
}

/** HMAC-SHA-256 of the row's content under the chain key: what rows written today carry. */
export function sealEntry(entry: Omit<ActivityEntry, 'hash'>, key: Buffer): string {
  return createHmac('sha256', key).update(sealedContent(entry)).digest('hex');
}

/** Rows written before rows were sealed carry a plain SHA-256 of their content. */
export function unkeyedHash(entry: Omit<ActivityEntry, 'hash'>): string {
  return createHash('sha256').update(sealedContent(entry)).digest('hex');
}
