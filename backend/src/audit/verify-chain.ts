import type { Db } from 'mongodb';
import { genesisHash, sealEntry, unkeyedHash } from './activity-seal.js';
import { activityEntries, activityHeads, type ActivityEntry } from './activity-store.js';

export type ChainProblemKind = 'edited' | 'missing' | 'relinked' | 'truncated';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The sequence number where the problem shows. */
  seq: number;
}

export interface ChainVerification {
  intact: boolean;
  entriesChecked: number;
  lastSeq: number;
  problems: ChainProblem[];
}

const maxReportedProblems = 100;

/**
 * Walks a tenant's activity log from the first row: each row's seal must match its content under the chain key,
 * point at the previous row's hash, and follow it without a gap; the last row must reach the head. An edited row
 * (even one re-sealed without the key), a deleted row (in the middle or at the end) and a re-linked row all show.
 * Rows from before sealing carry a plain hash; once a sealed row appears, an unsealed one after it is an edit.
 */
export async function verifyActivityChain(db: Db, tenantId: string, key: Buffer): Promise<ChainVerification> {
  const problems: ChainProblem[] = [];
  const report = (kind: ChainProblemKind, seq: number) => {
    if (problems.length < maxReportedProblems) problems.push({ kind, seq });
  };
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let checked = 0;
  let sealing = false;
  const cursor = activityEntries.scoped(db).find(tenantId, {}, { sort: { seq: 1 }, projection: { _id: 0 } });
  for await (const row of cursor) {
    const entry = row as unknown as ActivityEntry;
    checked += 1;
    if (entry.seq !== expectedSeq) report('missing', expectedSeq);
    if (entry.prevHash !== previousHash) report('relinked', entry.seq);
    const { hash, seal, ...unsealed } = entry;
    sealing ||= seal === 'hmac-sha256';
    const expected = seal === 'hmac-sha256' ? sealEntry(unsealed, key) : sealing ? null : unkeyedHash(unsealed);
    if (expected !== hash) report('edited', entry.seq);
    previousHash = hash;
    expectedSeq = entry.seq + 1;
  }
  const lastSeq = expectedSeq - 1;
  const head = await activityHeads.scoped(db).findOne(tenantId);
  if (head && head.seq > lastSeq) report('truncated', lastSeq + 1);
  if (head && head.seq === lastSeq && head.hash !== previousHash) report('edited', lastSeq);
  return { intact: problems.length === 0, entriesChecked: checked, lastSeq, problems };
}
