import type { Db } from 'mongodb';
import { outboxLetters } from './mail-outbox.js';

/**
 * Deletes letters sent before the cutoff. Every delivery pass reads the outbox, and FerretDB reads a
 * collection whole, so the outbox must hold what is waiting, not every letter ever sent. Returns how
 * many were deleted.
 */
export async function pruneSentLetters(db: Db, sentBefore: Date): Promise<number> {
  // Cross-tenant by nature: one sweep for the deployment.
  const result = await outboxLetters.raw(db).deleteMany({ status: 'sent', sentAt: { $lt: sentBefore } });
  return result.deletedCount;
}
