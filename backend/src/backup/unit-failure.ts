import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';

/**
 * What a failed unit says in the job log. Failures of our own infrastructure, which the customer's administrator can
 * act on, get a sentence in both languages saying what happened and that nothing saved before is affected; anything
 * else keeps its own message (Graph's errors already name the account and the cause).
 */
export function describeUnitFailure(error: unknown): string {
  const codes = [...causesOf(error)].map((cause) => (cause as { code?: unknown }).code);
  if (codes.includes('ENOSPC') || codes.includes('EDQUOT')) {
    return (
      'The backup storage is full: free space or enlarge it, then run the job again; what was saved before is intact. / ' +
      'Lo spazio dei backup è esaurito: libera spazio o ampliarlo, poi esegui di nuovo il job; quanto salvato prima è intatto.'
    );
  }
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) {
    return (
      'The backup database could not be reached; the account is backed up again from where it stopped once it answers. / ' +
      'Il database dei backup non è raggiungibile; l’account riprende da dove si era fermato appena risponde.'
    );
  }
  return error instanceof Error ? error.message : String(error);
}

/** The error and what it wraps: `cause`, and the `errors` of an AggregateError (the store's failed pack writes). */
function* causesOf(error: unknown, depth = 0): Generator<unknown> {
  if (error === null || error === undefined || depth > 5) return;
  yield error;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  yield* causesOf(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* causesOf(inner, depth + 1);
}
