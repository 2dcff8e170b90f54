import { randomBytes } from 'node:crypto';
import { itemVersionsCollection } from '@custodia/backend/catalog/index';
import { startTcpCut, type TcpCut } from '../../test-support/tcp-cut.js';
import { RunClient, workerEnvironment } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

/**
 * The database becomes unreachable in the middle of a run (every connection dropped, new ones refused, for longer
 * than the unit lease) and then comes back: nothing is lost or corrupted, the worker says in its log what happened,
 * and the run completes exactly. A driver connection that stays wedged after the outage (seen here now and then)
 * makes the worker exit after its watchdog's limit, to be restarted by its supervisor.
 */
let bed: WorkerTestBed;
let relay: TcpCut;

beforeAll(async () => {
  bed = await startWorkerTestBed('outage', { users: 3, messagesPerUser: 150, filesPerUser: 3, seed: 41 });
  bed.sim.control.setFaults({ slowRate: 1, slowMs: 10 });
  relay = await startTcpCut(bed.database.uri);
});

afterAll(async () => {
  await relay?.close();
  await bed?.dispose();
});

test('a database outage mid-run loses nothing: the worker recovers, or exits to be restarted, and the run completes', async () => {
  const { sim, database } = bed;
  const environment = {
    ...workerEnvironment(sim, { uri: relay.uri, name: database.name }, bed.storeDir, randomBytes(32), 3_000),
    DATABASE_LOST_EXIT_MS: '15000',
  };
  const worker = bed.spawn(environment, 'outage-worker');
  await worker.ready;
  const client = new RunClient(database.db, sim.tenantId);
  const runId = await client.startFullBackup();
  const versions = () => itemVersionsCollection.raw(database.db).countDocuments({ tenantId: sim.tenantId });
  await client.waitFor(versions, (count) => count > 50, 60_000);

  await relay.cut();
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  await relay.restore();

  // Either the worker's connection recovers and it finishes the run, or the watchdog makes it exit (code 75) and a
  // fresh worker, as the supervisor would start it, finishes the run.
  // What the run's units, their leases and their Agenda jobs looked like when the wait ended: the cause of a run that
  // stays running is among them (a unit whose lease is still renewed, a job Agenda still holds).
  const stateOfWork = async () => {
    const raw = (name: string, filter: object, fields: object) =>
      database.db
        .collection(name)
        .find(filter, { projection: { _id: 0, ...fields } })
        .toArray();
    return JSON.stringify({
      units: await raw('backupRunUnits', { runId }, { resourceId: 1, status: 1, attempts: 1, error: 1 }),
      leases: await raw('backupUnitLeases', {}, {}),
      jobs: await raw('agendaJobs', { name: { $ne: 'notifications.deliver' } }, { data: 0 }),
    });
  };
  const withLog = async (error: Error) => {
    const state = await stateOfWork().catch((reason: unknown) => `unreadable: ${String(reason)}`);
    throw new Error(`${error.message}\nwork: ${state}\nworker log:\n${worker.output().slice(-4000)}`);
  };
  const ended = client.waitForEnd(runId, 150_000);
  const outcome = await Promise.race([ended.then(() => 'recovered'), worker.exited.then(() => 'exited')]).catch(
    withLog,
  );
  if (outcome === 'exited') {
    expect((await worker.exited).code).toBe(75);
    expect(worker.output()).toContain('"msg":"database unreachable or scheduler stalled for too long');
    await bed.spawn(environment, 'restarted-worker').ready;
  }
  const run = await ended.catch(withLog);
  expect(run?.status).toBe('succeeded');
  const { difference, exact } = await bed.catalogDifference();
  expect(difference).toEqual(exact);
  expect(worker.output()).toContain('"msg":"database unreachable: work waits');
}, 240_000);
