import { startBackupHarness, type BackupHarness } from './harness.js';
import { runsCollection } from '../../src/backup/index.js';
import { eventsCollection } from '../../src/events.js';

/**
 * A process killed after a run's last unit finished, before the run was closed or between its event and its status,
 * leaves a running run whose units are all final: the recovery sweep every worker runs closes it, and its event (what
 * the end-of-run pipeline follows: licence check, letters, bot cards) is recorded once.
 */
let harness: BackupHarness;

beforeAll(async () => {
  harness = await startBackupHarness({ generate: { users: 1, messagesPerUser: 5, filesPerUser: 1, seed: 31 } });
});
afterAll(() => harness.stop());

test('a finished run left running by a killed closer is closed by the sweep, its event recorded once', async () => {
  const jobId = await harness.backUpMailboxes('Notturno');
  const runs = runsCollection.scoped(harness.database.db);
  const events = eventsCollection.scoped(harness.database.db);
  const [finished] = await runs.find(harness.tenantId, { jobId }).toArray();
  const runEvent = { type: 'run.completed', dedupKey: `run:${finished!.runId}` };
  expect(await events.countDocuments(harness.tenantId, runEvent)).toBe(1);

  // As the closer left it when killed before the event: every unit final, the run still running, no event.
  await runs.updateOne(harness.tenantId, { runId: finished!.runId }, { $set: { status: 'running', finishedAt: null } });
  await events.deleteMany(harness.tenantId, runEvent);
  await harness.engine.recoverAbandonedUnits();
  expect((await harness.engine.run(harness.tenantId, finished!.runId))?.status).toBe('succeeded');
  expect(await events.countDocuments(harness.tenantId, runEvent)).toBe(1);

  // As left when killed between the event and the status: the sweep closes it and the event stays single.
  await runs.updateOne(harness.tenantId, { runId: finished!.runId }, { $set: { status: 'running', finishedAt: null } });
  await harness.engine.recoverAbandonedUnits();
  expect((await harness.engine.run(harness.tenantId, finished!.runId))?.status).toBe('succeeded');
  expect(await events.countDocuments(harness.tenantId, runEvent)).toBe(1);
});
