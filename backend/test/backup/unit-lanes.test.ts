import { startBackupHarness, type BackupHarness } from './harness.js';
import { backupUnitJobName, runsCollection, runUnitsCollection, type RunUnit } from '../../src/backup/index.js';

/**
 * A run's units have their Agenda jobs a few lanes at a time, so that Agenda's search for the next job (which FerretDB
 * answers by reading every job of the name) does not grow with the run: each unit starts once the unit before it in
 * its lane has ended, every unit still gets backed up, and a unit whose predecessor's worker was killed before it
 * queued the next is queued by the recovery sweep, while one whose predecessor is still open is left to it.
 */
const lanes = 2;
const people = 6;
let harness: BackupHarness;

beforeAll(async () => {
  harness = await startBackupHarness(
    { generate: { users: people, messagesPerUser: 2, filesPerUser: 0, seed: 41 } },
    {},
    { unitLanes: lanes },
  );
});
afterAll(() => harness.stop());

async function unitsOf(runId: string): Promise<RunUnit[]> {
  return runUnitsCollection.scoped(harness.database.db).find(harness.tenantId, { runId }).toArray();
}

test('each unit starts after the one before it in its lane ended, and every unit is backed up', async () => {
  let mostQueued = 0;
  const sampler = setInterval(() => {
    void harness.scheduler
      .liveJobData(backupUnitJobName)
      .then((jobs) => (mostQueued = Math.max(mostQueued, jobs.length)));
  }, 20);
  const jobId = await harness.backUpMailboxes('Corsie').finally(() => clearInterval(sampler));

  const [run] = await runsCollection.scoped(harness.database.db).find(harness.tenantId, { jobId }).toArray();
  const units = await unitsOf(run!.runId);
  expect(units).toHaveLength(people);
  expect(units.every((unit) => unit.status === 'done')).toBe(true);
  const byPosition = new Map(units.map((unit) => [unit.position, unit]));
  expect([...byPosition.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  for (const unit of units.filter((each) => each.position! >= lanes)) {
    const before = byPosition.get(unit.position! - lanes)!;
    expect(unit.startedAt!.getTime()).toBeGreaterThanOrEqual(before.finishedAt!.getTime());
  }
  // A lane holds its unit's job and, while that job ends, the next one's.
  expect(mostQueued).toBeLessThanOrEqual(2 * lanes);
});

test('the sweep queues a unit whose lane reached it but not one whose predecessor is still open', async () => {
  const jobId = await harness.backUpMailboxes('Corsie dopo un arresto');
  const runs = runsCollection.scoped(harness.database.db);
  const units = runUnitsCollection.scoped(harness.database.db);
  const [run] = await runs.find(harness.tenantId, { jobId }).toArray();
  // As a killed worker leaves it: the run running, the units at positions 2 and 4 (one lane) pending, never leased
  // and without a job.
  await runs.updateOne(harness.tenantId, { runId: run!.runId }, { $set: { status: 'running', finishedAt: null } });
  const reset = (await unitsOf(run!.runId)).filter((unit) => unit.position === 2 || unit.position === 4);
  await units.updateMany(
    harness.tenantId,
    { runId: run!.runId, position: { $in: [2, 4] } },
    { $set: { status: 'pending', startedAt: null, finishedAt: null } },
  );
  await harness.database.db
    .collection('backupUnitLeases')
    .deleteMany({ runId: run!.runId, resourceId: { $in: reset.map((unit) => unit.resourceId) } });

  expect(await harness.engine.recoverAbandonedUnits()).toBe(1);
  const queued = await harness.scheduler.liveJobData<{ runId: string; resourceId: string }>(backupUnitJobName);
  const atTwo = (await unitsOf(run!.runId)).find((unit) => unit.position === 2)!;
  expect(queued.filter((data) => data.runId === run!.runId).map((data) => data.resourceId)).toContain(atTwo.resourceId);

  // The unit at 2 ends and queues the one at 4; the last to end closes the run.
  const deadline = Date.now() + 60_000;
  while ((await runs.findOne(harness.tenantId, { runId: run!.runId }))?.status === 'running' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await unitsOf(run!.runId)).map((unit) => unit.status)).toEqual(Array(people).fill('done'));
  expect((await runs.findOne(harness.tenantId, { runId: run!.runId }))?.status).toBe('succeeded');
});
