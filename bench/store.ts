// Content store benchmark: `npm run bench -- store [--mb 320] [--backend filesystem|azure] [--json]`.
// Streams a generated file of --mb megabytes into the store and back, stores it a second time (all duplicates), puts
// one 5 MB attachment 200 times, and prints write and read MB/s, dedup ratios and the process's peak RSS.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import {
  azureBlobBackend,
  filesystemBackend,
  openContentStore,
  type ContentStore,
  type PackBackend,
} from '../backend/dist/store/index.js';
import { startDevDb } from '../tools/devdb/dist/index.js';
import { startAzurite } from '../backend/test/store/azurite.ts';

const MB = 1_000_000;
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '320' },
    backend: { type: 'string', default: 'filesystem' },
    json: { type: 'boolean', default: false },
  },
});
const totalBytes = Number(values.mb) * MB;

/** A reproducible stream of pseudo-random bytes: the AES-256-CTR keystream of a fixed key, in 1 MiB pieces. */
function generated(bytes: number): Readable {
  const keystream = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16));
  const zeros = Buffer.alloc(1024 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      const length = Math.min(zeros.length, bytes - sent);
      sent += length;
      this.push(keystream.update(zeros.subarray(0, length)));
    },
  });
}

async function packBytes(backend: PackBackend, tenantId: string): Promise<number> {
  let bytes = 0;
  for await (const pack of backend.listPacks(`packs/${tenantId}/`)) bytes += pack.size;
  return bytes;
}

/** Runs one phase; records its duration and the highest RSS sampled while it ran. */
async function timed<T>(phase: string, work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  peakSampledRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const result = await work();
  figures[`${phase}PeakRssMB`] = round(peakSampledRss / MB);
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function drainHashing(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of stream) hash.update(piece as Buffer);
  return hash.digest('hex');
}

const figures: Record<string, number | string> = { backend: values.backend!, megabytes: Number(values.mb) };
const rssAtStart = process.memoryUsage().rss;
let peakSampledRss = 0;
const sampler = setInterval(() => (peakSampledRss = Math.max(peakSampledRss, process.memoryUsage().rss)), 25);

const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-store-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const client = await MongoClient.connect(process.env.MONGODB_URI ?? devDb!.uri);
const azurite = values.backend === 'azure' ? await startAzurite() : undefined;
const backend = azurite
  ? azureBlobBackend({ connectionString: azurite.connectionString, container: 'bench' })
  : filesystemBackend(join(scratch, 'store'));
const store: ContentStore = await openContentStore({
  db: client.db(`bench_store_${Date.now()}`),
  backend,
  masterKey: randomBytes(32),
});

try {
  const generation = await timed('generate', () => drainHashing(generated(totalBytes)));
  figures.generatorMBps = round(totalBytes / MB / generation.seconds);

  const write = await timed('write', async () => {
    const ref = await store.putStream('bench', generated(totalBytes), 'file');
    await store.flush();
    return ref;
  });
  figures.writeMBps = round(totalBytes / MB / write.seconds);
  figures.chunks = write.result.blobIds.length;
  const storedOnce = await packBytes(backend, 'bench');
  figures.storedPerLogicalByte = round(storedOnce / totalBytes, 4);

  const read = await timed('read', () => drainHashing(store.openStream('bench', write.result)));
  if (read.result !== write.result.sha256) throw new Error('the content read back differs from what was written');
  figures.readMBps = round(totalBytes / MB / read.seconds);

  const again = await timed('duplicateWrite', async () => {
    await store.putStream('bench', generated(totalBytes), 'file');
    await store.flush();
  });
  figures.duplicateWriteMBps = round(totalBytes / MB / again.seconds);
  figures.dedupRatioSecondCopy = round((2 * totalBytes) / (await packBytes(backend, 'bench')), 3);

  const attachment = randomBytes(5 * MB);
  const mail = await timed('attachment200x', async () => {
    for (let i = 0; i < 200; i++) await store.put('mail', attachment, 'item');
    await store.flush();
  });
  figures.attachment200xMBps = round((200 * attachment.length) / MB / mail.seconds);
  figures.dedupRatioAttachment200x = round((200 * attachment.length) / (await packBytes(backend, 'mail')), 1);

  figures.peakRssMB = round((process.resourceUsage().maxRSS * 1024) / MB);
  figures.rssAtStartMB = round(rssAtStart / MB);
} finally {
  clearInterval(sampler);
  await store.close();
  await client.close();
  await devDb?.stop();
  await azurite?.stop();
  await rm(scratch, { recursive: true, force: true });
}

if (values.json) console.log(JSON.stringify(figures));
else for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(26)} ${value}`);

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
