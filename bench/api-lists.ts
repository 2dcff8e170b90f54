// The portal's list reads at a generated tenant's scale, through the product's HTTP API: N accounts (a mailbox and a
// OneDrive each) protected by one job, V item versions per account, then GET /licence and every page of GET /items
// timed over many requests; prints p50/max in milliseconds. Run it beside CPU load to see the database ran hot:
//   yes > /dev/null & yes > /dev/null & npm run bench -- api-lists --accounts 300 --versions 100; kill %1 %2
import { ObjectId } from 'mongodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevDb } from '../tools/devdb/dist/index.js';
import { createLogger, loadConfig, startApp } from '../teams-app/dist/index.js';
import { BackupJobs } from '../backend/dist/backup/backup-jobs.js';
import {
  Catalog,
  dateBucketFieldsOf,
  itemVersionsCollection,
  resourcesCollection,
} from '../backend/dist/catalog/index.js';
import { currentTermsVersion } from '../backend/dist/tenants/licence-terms.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '300' },
    versions: { type: 'string', default: '100' },
    requests: { type: 'string', default: '10' },
  },
});
const accounts = Number(values.accounts);
const versionsPerResource = Number(values.versions);
const requests = Number(values.requests);
const round = (value: number) => Math.round(value);

const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-api-lists-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const app = await startApp(
  loadConfig({
    PORT: '0',
    SIMULATOR_PORT: '0',
    MONGODB_URI: process.env.MONGODB_URI ?? devDb!.uri,
    MONGODB_DATABASE: `bench_api_lists_${Date.now()}`,
    DATA_DIR: join(scratch, 'data'),
    API_REQUEST_DEADLINE_MS: '600000',
  }),
  createLogger('silent'),
);
try {
  const tenantId = app.microsoft365.demo!.tenantId;
  const db = app.database.db;
  const job = await new BackupJobs(db).create(
    tenantId,
    {
      name: 'Ogni notte',
      scope: { type: 'organisation' },
      workloads: ['exchange', 'onedrive'],
      dailyTime: '22:00',
      retentionYears: 1,
    },
    'bench@example.com',
  );
  const catalog = new Catalog(db, tenantId);
  const seeded = Date.now();
  const at = new Date('2026-01-01T00:00:00Z');
  for (let account = 0; account < accounts; account++) {
    const owner = `00000000-0000-4000-9000-${String(account).padStart(12, '0')}`;
    const resources = (['mailbox', 'onedrive'] as const).map((kind) => ({
      tenantId,
      resourceId: `${kind}:${owner}`,
      kind,
      graphId: owner,
      displayName: `${kind === 'mailbox' ? 'Posta' : 'OneDrive'} — Persona ${account}`,
      ownerUserId: owner,
      ownerEmail: `persona.${account}@example.com`,
      firstSeenAt: at,
      lastBackupAt: at,
      lastRunId: 'bench',
    }));
    await resourcesCollection.raw(db).insertMany(resources as never[]);
    await db.collection('jobCoverage').insertMany(
      resources.map((resource) => ({
        tenantId,
        jobId: job.jobId,
        resourceId: resource.resourceId,
        ownerUserId: owner,
        runId: 'bench',
      })),
    );
    const versions = resources.flatMap((resource) =>
      Array.from({ length: versionsPerResource }, (_, index) => ({
        _id: new ObjectId(),
        tenantId,
        resourceId: resource.resourceId,
        kind: resource.kind === 'mailbox' ? 'message' : 'file',
        graphId: `${resource.resourceId}-${index}`,
        versionKey: 'v1',
        containerId: 'folder-0',
        containerPath: 'Inbox',
        name: `elemento ${index}`,
        size: 20_000,
        itemDate: at,
        ...dateBucketFieldsOf(resource.resourceId, at),
        properties: {},
        content: { blobIds: [`blob-${resource.resourceId}-${index}`], size: 20_000, sha256: 'x' },
        searchTerms: ['elemento'],
        firstRunId: 'bench',
        lastRunId: 'bench',
        lastSeenAt: at,
        validFrom: at,
        // One version in ten was replaced later: history the counts must skip.
        validTo: index % 10 === 0 ? new Date(at.getTime() + 86_400_000) : null,
        deletedAt: null,
      })),
    );
    await itemVersionsCollection.raw(db).insertMany(versions as never[], { ordered: false });
    // What the engine does when an account's backup completes.
    for (const resource of resources) await catalog.markResourceBackedUp(resource.resourceId, 'bench', at);
  }
  const seedSeconds = (Date.now() - seeded) / 1000;

  const administrator = app.demoAdministrator!;
  const signIn = await fetch(`${app.url}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userPrincipalName: administrator.email }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  await call('/terms/acceptance', 'POST', { version: currentTermsVersion });

  const time = async (read: () => Promise<number>) => {
    const durations: number[] = [];
    let rows = 0;
    for (let index = 0; index < requests; index++) {
      const began = performance.now();
      rows += await read();
      durations.push(performance.now() - began);
    }
    durations.sort((a, b) => a - b);
    return {
      p50ms: round(durations[Math.floor(durations.length / 2)]!),
      maxms: round(durations.at(-1)!),
      rows: rows / requests,
    };
  };
  const server = process.env.MONGODB_URI ? 'MONGODB_URI' : 'devdb (FerretDB over PostgreSQL)';
  console.log(
    `server="${server}" accounts=${accounts} resources=${accounts * 2} versions=${accounts * 2 * versionsPerResource} seedSeconds=${round(seedSeconds)} requests=${requests}`,
  );
  // Each figure as soon as it is measured: on a database that runs hot, the last may take long.
  console.log(
    `licence=${JSON.stringify(await time(async () => ((await call('/licence')).plans as unknown[]).length))}`,
  );
  console.log(
    `itemsFirstPage=${JSON.stringify(await time(async () => ((await call('/items')).items as unknown[]).length))}`,
  );
  const everyPage = await time(async () => {
    let rows = 0;
    let cursor: string | undefined;
    do {
      const page = await call(`/items?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      rows += (page.items as unknown[]).length;
      cursor = (page.nextCursor as string | null) ?? undefined;
    } while (cursor);
    return rows;
  });
  console.log(`itemsEveryPage=${JSON.stringify(everyPage)}`);
} finally {
  await app.stop();
  await devDb?.stop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(0);
