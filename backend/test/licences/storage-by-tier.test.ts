import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { createAndRunJobs, FILE_BYTES, smallTenant } from '../retention/small-tenant.js';
import { dropCoverage } from '../../src/backup/job-coverage.js';
import { storedBytesByTier } from '../../src/licences/storage-by-tier.js';
import { storedBytesOfTenant } from '../../src/licences/stored-bytes.js';

/**
 * Anna is in two groups whose jobs keep 1 and 5 years, Bruno in one whose job keeps 1 year; each has three files of
 * FILE_BYTES. The Overview's storage by tier counts each account once, under the longest retention that covers it.
 */
let harness: BackupHarness;
let jobIds: string[];

beforeAll(async () => {
  harness = await startBackupHarness({ tenant: smallTenant });
  jobIds = await createAndRunJobs(harness);
}, 120_000);
afterAll(() => harness?.stop());

test('each account counts once, under the longest retention of the jobs that cover it; the tiers add up to the use', async () => {
  const { db } = harness.database;
  const byTier = await storedBytesByTier(db, harness.tenantId);
  expect(byTier).toEqual([
    { retentionYears: 1, bytes: 3 * FILE_BYTES },
    { retentionYears: 5, bytes: 3 * FILE_BYTES },
  ]);
  expect(byTier.reduce((sum, tier) => sum + tier.bytes, 0)).toBe(await storedBytesOfTenant(db, harness.tenantId));
});

test('an account no job covers any more is storage of no tier until its backup is deleted', async () => {
  const { db } = harness.database;
  const brunoJob = jobIds[2]!;
  await harness.jobs.delete(harness.tenantId, brunoJob);
  await dropCoverage(db, harness.tenantId, { jobId: brunoJob });
  expect(await storedBytesByTier(db, harness.tenantId)).toEqual([
    { retentionYears: 5, bytes: 3 * FILE_BYTES },
    { retentionYears: null, bytes: 3 * FILE_BYTES },
  ]);
});
