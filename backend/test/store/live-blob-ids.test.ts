import { LiveBlobIds, TRUST_WINDOW_MS } from '../../src/store/live-blob-ids.js';

const id = (n: number): string => n.toString(16).padStart(64, '0');

/** A tenant's index as the database would list its uncondemned entries, with a count of the reads. */
function indexOf(entries: Map<string, string[]>) {
  const reads: string[] = [];
  return {
    reads,
    read: async function* (tenantId: string): AsyncIterable<string> {
      reads.push(tenantId);
      yield* entries.get(tenantId) ?? [];
    },
  };
}

test('a tenant’s live blobs are read once per trust window, whatever the number of questions', async () => {
  const index = indexOf(new Map([['t1', [id(1), id(2)]]]));
  const live = new LiveBlobIds(index.read, () => 0);
  const answers = await Promise.all([1, 2, 3, 1, 2, 3].map((n) => live.has('t1', id(n))));
  expect(answers).toEqual([true, true, false, true, true, false]);
  expect(index.reads).toEqual(['t1']);
});

test('blobs this process indexes join the view at once; tenants never see each other’s', async () => {
  const index = indexOf(new Map([['t1', [id(1)]]]));
  const live = new LiveBlobIds(index.read, () => 0);
  expect(await live.has('t1', id(7))).toBe(false);
  live.remember('t1', [id(7)]);
  expect(await live.has('t1', id(7))).toBe(true);
  expect(await live.has('t2', id(7))).toBe(false);
});

test('past the trust window the view is read again, so a blob condemned since is no longer leaned on', async () => {
  const entries = new Map([['t1', [id(1), id(2)]]]);
  const index = indexOf(entries);
  let now = 0;
  const live = new LiveBlobIds(index.read, () => now);
  expect(await live.has('t1', id(2))).toBe(true);
  entries.set('t1', [id(1)]);
  now = TRUST_WINDOW_MS - 1;
  expect(await live.has('t1', id(2))).toBe(true);
  now = TRUST_WINDOW_MS;
  expect(await live.has('t1', id(2))).toBe(false);
  expect(index.reads).toEqual(['t1', 't1']);
});
