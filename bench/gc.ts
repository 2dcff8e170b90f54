// Garbage collection benchmark: `npm run bench -- gc [--mb 320] [--backend filesystem|azure] [--json]`.
// Stores --mb megabytes as 1 MB items in 16 MiB packs, then leaves items unreferenced in a pattern that makes the
// first 40 % of the packs wholly dead, the next 40 % two-thirds dead (rewritten) and the rest live. One collection
// condemns, a second (a grace period later) sweeps; prints the sweep's throughput (MB of packs swept per second),
// packs deleted and rewritten, and the store's size before and after. The live set is given directly, so the figure is
// the store's side of a collection, without the catalog scan.
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import {
  azureBlobBackend,
  collectGarbage,
  filesystemBackend,
  openContentStore,
  type ContentRef,
} from '../backend/dist/store/index.js';
import { startDevDb } from '../tools/devdb/dist/index.js';
import { startAzurite } from '../backend/test/store/azurite.ts';

const MB = 1_000_000;
const HOUR = 60 * 60 * 1000;
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '320' },
    backend: { type: 'string', default: 'filesystem' },
    json: { type: 'boolean', default: false },
  },
});
const items = Number(values.mb);

/** One megabyte that does not compress, different for each item. */
function itemBytes(index: number): Buffer {
  const key = Buffer.alloc(32);
  key.writeUInt32LE(index + 1);
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(MB));
}

const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-gc-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const client = await MongoClient.connect(process.env.MONGODB_URI ?? devDb!.uri);
const azurite = values.backend === 'azure' ? await startAzurite() : undefined;
const backend = azurite
  ? azureBlobBackend({ connectionString: azurite.connectionString, container: 'bench-gc' })
  : filesystemBackend(join(scratch, 'store'));
const db = client.db(`bench_gc_${Date.now()}`);
const masterKey = randomBytes(32);
const figures: Record<string, number | string> = { backend: values.backend!, megabytes: items };

try {
  const store = await openContentStore({ db, backend, masterKey });
  const refs: ContentRef[] = [];
  for (let index = 0; index < items; index++) refs.push(await store.put('bench', itemBytes(index), 'item'));
  await store.close();
  const dead = (index: number) => index < 0.4 * items || (index < 0.8 * items && index % 3 !== 0);
  const live = new Set(refs.filter((_, index) => !dead(index)).flatMap((ref) => ref.blobIds));
  const collect = (at: Date) =>
    collectGarbage({ db, backend, masterKey, tenantId: 'bench', liveBlobIds: async () => live, now: () => at });

  const condemnStarted = performance.now();
  const condemn = await collect(new Date(Date.now() + 25 * HOUR));
  figures.condemnSeconds = round((performance.now() - condemnStarted) / 1000, 2);
  figures.blobsCondemned = condemn.blobsCondemned;

  const sweepStarted = performance.now();
  const sweep = await collect(new Date(Date.now() + 50 * HOUR));
  const seconds = (performance.now() - sweepStarted) / 1000;
  figures.sweepSeconds = round(seconds, 2);
  figures.sweptMB = round(sweep.bytesSwept / MB);
  figures.sweptMBps = round(sweep.bytesSwept / MB / seconds);
  figures.packsBefore = sweep.packsBefore;
  figures.packsDeleted = sweep.packsDeleted;
  figures.packsRewritten = sweep.packsRewritten;
  figures.packsAfter = sweep.packsAfter;
  figures.storeMBBefore = round(sweep.bytesBefore / MB);
  figures.storeMBAfter = round(sweep.bytesAfter / MB);
  figures.blobsDeleted = sweep.blobsDeleted;
  figures.peakRssMB = round((process.resourceUsage().maxRSS * 1024) / MB);
} finally {
  await client.close();
  await devDb?.stop();
  await azurite?.stop();
  await rm(scratch, { recursive: true, force: true });
}

if (values.json) console.log(JSON.stringify(figures));
else for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(18)} ${value}`);

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
