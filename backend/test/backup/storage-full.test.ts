import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyTenants } from '../../src/retention/index.js';
import { PlainGraph } from '../backup-scale/plain-graph.js';
import { catalogDifferences, removeLargeGeneratedFile, simulatorInventory } from '../backup-scale/inventory.js';
import { startBackupHarness, type BackupHarness } from './harness.js';

/**
 * A full disk under the content store (a real 1 MB tmpfs): the run fails with a sentence the administrator can act
 * on, nothing stored is damaged, and once the disk has room the next run completes the backup exactly.
 */
let disk: string;
let harness: BackupHarness;

beforeAll(async () => {
  disk = mkdtempSync(join(tmpdir(), 'custodia-full-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
  harness = await startBackupHarness(
    { generate: { users: 2, messagesPerUser: 60, filesPerUser: 4, seed: 31 }, timeScale: 60 },
    {},
    { storeDir: disk, maxUnitAttempts: 1 },
  );
  removeLargeGeneratedFile(harness.sim.control);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

test('a full disk fails the accounts it stops with a clear message, damages nothing, and the next run completes', async () => {
  const job = {
    name: 'Disco pieno',
    scope: { type: 'organisation' as const },
    workloads: ['exchange' as const, 'onedrive' as const],
    dailyTime: '22:00',
    retentionYears: 1 as const,
  };
  const { jobId, run } = await harness.runJob(job);
  // Accounts that fitted before the disk filled are saved; the run says it is not complete.
  expect(['failed', 'warning']).toContain(run.status);
  const units = await harness.engine.runUnits(harness.tenantId, run.runId);
  const full = units.filter((unit) => unit.status === 'failed');
  expect(full.length).toBeGreaterThan(0);
  for (const unit of full)
    expect(unit.error).toMatch(/^The backup storage is full: .* \/ Lo spazio dei backup è esaurito/);
  const afterFailure = await verifyTenants({
    db: harness.database.db,
    backend: harness.storeBackend,
    masterKey: harness.masterKey,
    tenantId: harness.tenantId,
  });
  expect(afterFailure.problems).toEqual([]);

  execFileSync('mount', ['-o', 'remount,size=256m', disk]);
  const again = await harness.runAgain(jobId);
  expect(again.status).toBe('succeeded');
  const expected = await simulatorInventory(harness.sim.control, await PlainGraph.connect(harness.sim));
  const mailAndFiles = expected.filter(
    (item) => !item.resourceId.startsWith('sharepoint:') && !item.resourceId.startsWith('team:'),
  );
  expect(await catalogDifferences(harness.database.db, harness.tenantId, mailAndFiles)).toEqual({
    current: mailAndFiles.length,
    missing: [],
    unexpected: [],
    duplicated: [],
  });
  const afterRecovery = await verifyTenants({
    db: harness.database.db,
    backend: harness.storeBackend,
    masterKey: harness.masterKey,
    tenantId: harness.tenantId,
  });
  expect({ problems: afterRecovery.problems, missing: afterRecovery.missingBlobs }).toEqual({
    problems: [],
    missing: 0,
  });
}, 240_000);
