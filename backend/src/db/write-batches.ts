import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';

/**
 * Writes per command in a bulk write: FerretDB 1.24 over PostgreSQL (the embedded default) holds a pooled connection
 * per update statement of one command and hangs past about fifty (reproduced: 45 fine, 60 hang).
 */
export const writesPerCommand = 25;

/** Sends `operations` as unordered bulk writes of at most `writesPerCommand` each, one command after another. */
export async function bulkWriteInBatches<T extends Document>(
  collection: Collection<T>,
  operations: readonly AnyBulkWriteOperation<T>[],
): Promise<void> {
  for (let start = 0; start < operations.length; start += writesPerCommand) {
    await collection.bulkWrite(operations.slice(start, start + writesPerCommand), { ordered: false });
  }
}
