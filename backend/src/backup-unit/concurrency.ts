/**
 * Runs `work` over `inputs` with at most `limit` in flight and returns the results in input order.
 * Per-mailbox limits are enforced by the Graph layer; this only keeps that many requests queued.
 */
export async function mapWithConcurrency<I, O>(
  inputs: readonly I[],
  limit: number,
  work: (input: I, index: number) => Promise<O>,
): Promise<O[]> {
  const results = new Array<O>(inputs.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, inputs.length) }, async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as I, index);
    }
  });
  await Promise.all(workers);
  return results;
}
