// The catalog at scale: N item versions of one tenant (mailboxes × folders × messages, some replaced or deleted),
// then folder browse (as of now and of a past instant) and search by words, each timed over many queries; prints
// p50/p95 in milliseconds and the insert rate.
//   npm run bench -- catalog [--versions 1000000] [--mailboxes 200] [--queries 50]
import { ObjectId } from 'mongodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ensureIndexes } from '../backend/dist/db/index.js';
import {
  Catalog,
  countDateBuckets,
  dateBucketFieldsOf,
  itemVersionsCollection,
  searchBucketsOf,
} from '../backend/dist/catalog/index.js';
import { startDevDb } from '../tools/devdb/dist/index.js';

const { values } = parseArgs({
  options: {
    versions: { type: 'string', default: '200000' },
    mailboxes: { type: 'string', default: '200' },
    queries: { type: 'string', default: '40' },
  },
});
const total = Number(values.versions);
const mailboxes = Number(values.mailboxes);
const queries = Number(values.queries);
const foldersPerMailbox = 10;
const words = ['preventivo', 'fattura', 'cantiere', 'riunione', 'contratto', 'ordine', 'verbale', 'offerta'];
const tenantId = '00000000-0000-4000-8000-0000000ca7a1';
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-catalog-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const client = await MongoClient.connect(process.env.MONGODB_URI ?? devDb!.uri);
const db = client.db(`bench_catalog_${Date.now()}`);
try {
  await ensureIndexes(db);
  const versions = itemVersionsCollection.raw(db);
  const start = new Date('2025-01-01T00:00:00Z').getTime();
  const insertStarted = Date.now();
  const batch = 2_000;
  for (let offset = 0; offset < total; offset += batch) {
    const docs = [];
    for (let index = offset; index < Math.min(total, offset + batch); index++) {
      const mailbox = index % mailboxes;
      const folder = Math.floor(index / mailboxes) % foldersPerMailbox;
      const validFrom = new Date(start + index * 60_000);
      // One version in ten was replaced or deleted later: history the point-in-time queries must skip.
      const closed = index % 10 === 0;
      const searchTerms = [words[index % words.length]!, words[(index * 7) % words.length]!, `n${index % 1000}`];
      docs.push({
        _id: new ObjectId(),
        tenantId,
        resourceId: `mailbox:user-${mailbox}`,
        kind: 'message',
        graphId: `m-${index}`,
        versionKey: 'v1',
        containerId: `folder-${folder}`,
        containerPath: `Inbox/Cartella ${folder}`,
        name: `${words[index % words.length]} ${index}`,
        size: 20_000,
        itemDate: validFrom,
        ...dateBucketFieldsOf(`mailbox:user-${mailbox}`, validFrom),
        properties: {},
        content: { blobIds: [`blob-${index}`], size: 20_000, sha256: 'x' },
        searchTerms,
        ...searchBucketsOf(searchTerms),
        firstRunId: 'bench',
        lastRunId: 'bench',
        lastSeenAt: validFrom,
        validFrom,
        validTo: closed ? new Date(validFrom.getTime() + 86_400_000) : null,
        deletedAt: null,
      });
    }
    await versions.insertMany(docs as never[], { ordered: false });
    await countDateBuckets(db, tenantId, docs);
  }
  const insertSeconds = (Date.now() - insertStarted) / 1000;
  const catalog = new Catalog(db, tenantId);
  const time = async (query: (index: number) => Promise<unknown[]>) => {
    const durations: number[] = [];
    let rows = 0;
    for (let index = 0; index < queries; index++) {
      const began = performance.now();
      rows += (await query(index)).length;
      durations.push(performance.now() - began);
    }
    durations.sort((a, b) => a - b);
    const at = (share: number) =>
      round(durations[Math.min(durations.length - 1, Math.floor(share * durations.length))]!);
    return { p50ms: at(0.5), p95ms: at(0.95), rowsPerQuery: round(rows / queries) };
  };
  const past = new Date(start + (total / 2) * 60_000);
  const browseNow = await time((i) =>
    catalog.browse(`mailbox:user-${i % mailboxes}`, `folder-${i % foldersPerMailbox}`, new Date(), 100),
  );
  const browsePast = await time((i) =>
    catalog.browse(`mailbox:user-${i % mailboxes}`, `folder-${i % foldersPerMailbox}`, past, 100),
  );
  const searchTenant = await time((i) =>
    catalog.search({ words: [words[i % words.length]!, `n${i % 1000}`], limit: 100 }),
  );
  const searchMailbox = await time((i) =>
    catalog.search({ words: [words[i % words.length]!], resourceIds: [`mailbox:user-${i % mailboxes}`], limit: 100 }),
  );
  const server = process.env.MONGODB_URI ? 'MONGODB_URI' : 'devdb (FerretDB over PostgreSQL)';
  console.log(
    `server="${server}" versions=${total} mailboxes=${mailboxes} insertPerSecond=${round(total / insertSeconds)} queries=${queries}`,
  );
  console.log(`browseNow=${JSON.stringify(browseNow)}`);
  console.log(`browsePast=${JSON.stringify(browsePast)}`);
  console.log(`searchTenant=${JSON.stringify(searchTenant)}`);
  console.log(`searchMailbox=${JSON.stringify(searchMailbox)}`);
} finally {
  await client.close();
  await devDb?.stop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(0);
