/** MongoDB's (and FerretDB's) code for a write refused by a unique index. */
const duplicateKeyCode = 11000;

/**
 * Whether a write failed only because what it would insert is already there: a single write refused by a unique
 * index, or a bulk write whose every refused write was. Concurrent processes that insert the same keyed record meet
 * this on purpose; any other error is real.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { writeErrors, code } = error as { writeErrors?: unknown; code?: unknown };
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (list.length > 0) return list.every((entry) => (entry as { code?: unknown }).code === duplicateKeyCode);
  return code === duplicateKeyCode;
}

/**
 * Runs a keyed insert and answers whether this caller made it: false when the record was already there (another
 * process, a retry), the error otherwise. The unique insert is how concurrent processes claim something on FerretDB.
 */
export async function insertedFirst(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
