import { createHash } from 'node:crypto';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { itemVersionsCollection } from '../../src/catalog/index.js';
import type { RunView } from '../../src/backup/index.js';
import { tenantRecords, type TenantRecord } from '../../src/tenants/tenant-store.js';
import {
  RetentionJobs,
  referencedBlobIds,
  retentionDailyJobName,
  runVerifyCommand,
  sweepExpiredVersions,
  type MaintenanceReport,
} from '../../src/retention/index.js';
import { collectGarbage, type GarbageCollectionReport } from '../../src/store/index.js';
import { backUpTwiceWithChanges, driveFile, FILE_BYTES, smallTenant } from './small-tenant.js';

let harness: BackupHarness;
let jobIds: string[];
const YEAR = 365.25 * 24 * 60 * 60 * 1000;
/**
 * Shortened from the production 24 h so the test sees deletions while backups run. It stays sound here because the
 * concurrent backups store only new content: no write can lean on a blob this test's collections condemn.
 */
const GRACE_MS = 2_000;

beforeAll(async () => {
  harness = await startBackupHarness({ tenant: smallTenant });
  ({ jobIds } = await backUpTwiceWithChanges(harness));
}, 120_000);
afterAll(() => harness?.stop());

const until = async (condition: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

test('a backup running while garbage collection deletes and rewrites packs loses nothing', async () => {
  const db = harness.database.db;
  const { tenantId, storeBackend: backend, masterKey } = harness;
  const expired = await sweepExpiredVersions(db, tenantId, new Date(Date.now() + 6 * YEAR));
  expect(expired.expired).toBe(4);

  const control = harness.sim.control;
  for (const person of ['anna', 'bruno'] as const) {
    const { driveId } = driveFile(harness, person, `${person === 'anna' ? 'a' : 'b'}3.bin`);
    for (let index = 0; index < 8; index++) {
      control.addFile(driveId, '', `${person}-new-${index}.bin`, { size: FILE_BYTES, seed: 500 + index });
    }
  }
  const collect = () =>
    collectGarbage({
      db,
      backend,
      masterKey,
      tenantId,
      liveBlobIds: () => referencedBlobIds(db, tenantId),
      graceMs: GRACE_MS,
    });
  // The expired content is condemned, and due, by the time the backups start.
  const condemned = await collect();
  expect(condemned.blobsCondemned).toBe(4);
  const due = Date.now() + GRACE_MS;
  await until(async () => Date.now() > due, 'the grace period to pass');
  // Slow Graph answers stretch the backups over several collections.
  control.setFaults({ seed: 3, slowMs: 300, slowRate: 0.3 });
  const runs = await Promise.all(
    jobIds.map((jobId) => harness.engine.startRun(tenantId, jobId, 'manual', 'admin@test')),
  );
  const ended = async () => {
    const views = await Promise.all(runs.map((run) => harness.engine.run(tenantId, run.runId)));
    return views.every((view) => view !== null && !['queued', 'running'].includes(view.status));
  };
  const duringBackup: GarbageCollectionReport[] = [];
  while (!(await ended())) {
    const report = await collect();
    if (!(await ended())) duringBackup.push(report);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  control.setFaults({});
  const finished = (await Promise.all(runs.map((run) => harness.engine.run(tenantId, run.runId)))) as RunView[];
  expect(finished.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  const swept = duringBackup.reduce((total, report) => total + report.packsDeleted + report.packsRewritten, 0);
  expect(swept).toBeGreaterThan(0);

  // Whatever the collections did, every current version reads back as the simulator serves it.
  const current = await itemVersionsCollection.scoped(db).find(tenantId, { validTo: null }).toArray();
  expect(current).toHaveLength(4 + 16);
  for (const version of current) {
    const bytes = await harness.store.read(tenantId, version.content!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(version.content!.sha256);
  }
  const lines: string[] = [];
  const code = await runVerifyCommand({ db, backend, masterKey, print: (line) => lines.push(line) }, [
    '--tenant',
    tenantId,
    '--read-data',
  ]);
  expect({ code, output: lines.join('\n') }).toMatchObject({ code: 0 });
});

test('the daily job queues the maintenance of each onboarded tenant through Agenda', async () => {
  const db = harness.database.db;
  const reports: MaintenanceReport[] = [];
  const jobs = new RetentionJobs({
    db,
    scheduler: harness.scheduler,
    backend: harness.storeBackend,
    masterKey: harness.masterKey,
    workerName: 'test-worker',
    onReport: (report) => reports.push(report),
  });
  const record = { tenantId: harness.tenantId, name: 'Piccola S.r.l.' } as TenantRecord;
  await tenantRecords.scoped(db).insertOne(harness.tenantId, record);
  await harness.scheduler.runNow(retentionDailyJobName, {});
  await jobs.queueTenant(harness.tenantId);
  await until(async () => reports.length >= 1, 'a maintenance report');
  await until(
    async () => (await db.collection('agendaJobs').countDocuments({ name: 'retention.tenant' })) === 0,
    'the queued maintenance jobs to finish',
  );
  expect(reports[0]?.garbage.tenantId).toBe(harness.tenantId);
  expect(reports[0]?.retention.expired).toBe(0);
});
