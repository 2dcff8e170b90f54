// Restore benchmark: `npm run bench -- restore [--messages 200 --files 20 --seed 7 --time-scale 60 --enforce-limits]
// [--path import|json|both] [--json]`.
// Starts the tenant simulator with one generated user, devdb, a filesystem content store, the backup engine and the
// restore service in this process; backs the user up, then restores the whole mailbox and the whole OneDrive into a
// new folder (every item written and read back). Prints items/min for the mailbox, MB/s for the files, and the share
// of restored items whose read-back shows no difference from the backup. `--path import` grants the mailbox
// import/export API (mail goes back by import session), `--path json` does not (mail is recreated through JSON, never
// reported verified: `contentEqualShare` then counts the messages whose only difference is that fallback).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ensureIndexes } from '../backend/dist/db/index.js';
import { DomainEvents } from '../backend/dist/events.js';
import { GraphGateway } from '../backend/dist/graph/index.js';
import { Scheduler } from '../backend/dist/jobs/scheduler.js';
import { BackupJobs, graphErrorReader, RunEngine } from '../backend/dist/backup/index.js';
import { RestoreService, type RestoreRequest } from '../backend/dist/restore/index.js';
import { filesystemBackend, openContentStore } from '../backend/dist/store/index.js';
import { startDevDb } from '../tools/devdb/dist/index.js';
import { APP_ROLES, startSimulator } from '../tools/m365-simulator/dist/index.js';
import { removeLargeGeneratedFile } from '../backend/test/backup-scale/inventory.ts';
import { measure, round } from './backup/phase-meter.ts';

const MB = 1_000_000;
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '200' },
    files: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
    'time-scale': { type: 'string', default: '60' },
    'enforce-limits': { type: 'boolean', default: false },
    path: { type: 'string', default: 'both' },
    json: { type: 'boolean', default: false },
  },
});
const timeScale = Number(values['time-scale']);

function print(figures: Record<string, unknown>): void {
  if (values.json) console.log(JSON.stringify(figures));
  else
    console.log(
      Object.entries(figures)
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
        .join(' '),
    );
}

const paths = values.path === 'both' ? ['import', 'json'] : [values.path!];
if (!paths.every((path) => path === 'import' || path === 'json')) {
  console.error('--path: import, json or both');
  process.exit(2);
}
const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-restore-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const client = await MongoClient.connect(process.env.MONGODB_URI ?? devDb!.uri);
try {
  for (const path of paths) await benchPath(path as 'import' | 'json');
} finally {
  await client.close();
  await devDb?.stop();
  await rm(scratch, { recursive: true, force: true });
}

async function benchPath(path: 'import' | 'json'): Promise<void> {
  const db = client.db(`bench_restore_${path}_${Date.now()}`);
  const sim = await startSimulator({
    ...(path === 'json' && { appRoles: APP_ROLES.filter((role) => !role.startsWith('Mailbox')) }),
    generate: {
      users: 1,
      messagesPerUser: Number(values.messages),
      filesPerUser: Number(values.files),
      seed: Number(values.seed),
    },
    enforceLimits: values['enforce-limits']!,
    timeScale,
  });
  const scheduler = new Scheduler({ db, workerName: 'bench-restore', pollIntervalMs: 100 });
  const store = await openContentStore({
    db,
    backend: filesystemBackend(join(scratch, `store-${path}`)),
    masterKey: randomBytes(32),
  });

  try {
    removeLargeGeneratedFile(sim.control);
    await ensureIndexes(db);
    const gateway = await GraphGateway.open({
      connection: {
        tenantId: sim.tenantId,
        clientId: sim.app.clientId,
        clientSecret: sim.app.clientSecret,
        graphBaseUrl: sim.graphBaseUrl,
        authorityHost: sim.authorityHost,
      },
      db,
      limits: { timeScale },
    });
    const events = new DomainEvents(db);
    const engine = new RunEngine({
      db,
      scheduler,
      events,
      store,
      graphFor: async () => gateway,
      graphErrors: graphErrorReader,
      workerName: 'bench-restore',
    });
    // The Outlook upload window (5 minutes) runs on the simulator's time scale, as its other windows do.
    const restores = new RestoreService({
      db,
      scheduler,
      events,
      store,
      graphFor: async () => gateway,
      workerName: 'bench-restore',
      uploadBudget: { bytes: 150_000_000, windowMs: 300_000 / timeScale },
    });
    await scheduler.start();
    const job = await new BackupJobs(db).create(
      sim.tenantId,
      {
        name: 'Bench',
        scope: { type: 'organisation' },
        workloads: ['exchange', 'onedrive'],
        dailyTime: '22:00',
        retentionYears: 1,
      },
      'bench',
    );
    const run = await engine.startRun(sim.tenantId, job.jobId, 'manual', 'bench');
    while (!['succeeded', 'warning', 'failed'].includes((await engine.run(sim.tenantId, run.runId))!.status)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const user = sim.control.listUsers()[0]!;

    for (const [workload, resourceId] of [
      ['mail', `mailbox:${user.id}`],
      ['files', `onedrive:${user.driveId}`],
    ] as const) {
      sim.control.resetCounters();
      const measured = await measure(async () => {
        const request = await restores.request(sim.tenantId, 'bench', {
          selection: { type: 'resource', resourceId },
          target: { type: 'newFolder' },
          conflictPolicy: 'keepBoth',
          language: 'en',
        });
        let current: RestoreRequest | null = request;
        while (current && (current.status === 'queued' || current.status === 'running')) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          current = await restores.get(sim.tenantId, request.restoreId);
        }
        return current!;
      });
      const done = measured.result;
      const bytes = (
        await db
          .collection('itemVersions')
          .find({ tenantId: sim.tenantId, resourceId, validTo: null }, { projection: { size: 1 } })
          .toArray()
      ).reduce((sum, version) => sum + (version.size as number), 0);
      const counters = sim.control.counters();
      const results = await restores.itemResults(sim.tenantId, done.restoreId, { limit: 100_000 });
      const restoredItems = results.filter((item) => item.state === 'restored');
      const share = (count: number) => round(count / Math.max(1, restoredItems.length), 4);
      print({
        phase: `restore-${workload}`,
        path: workload === 'mail' ? path : 'upload',
        status: done.status,
        items: done.progress.total,
        restored: done.progress.restored,
        failed: done.progress.failed,
        zeroDifferenceShare: share(restoredItems.filter((item) => item.differences?.length === 0).length),
        ...(workload === 'mail' &&
          path === 'json' && {
            contentEqualShare: share(restoredItems.filter((item) => item.differences?.length === 1).length),
          }),
        megabytes: round(bytes / MB, 2),
        seconds: round(measured.seconds, 2),
        itemsPerMinute: round((done.progress.restored / measured.seconds) * 60),
        MBps: round(bytes / MB / measured.seconds, 2),
        graphRequests: counters.total.requests,
        throttled: counters.total.throttled,
        timeScale,
        peakRssMB: measured.peakRssMB,
      });
    }
  } finally {
    await scheduler.drain(30_000);
    await store.close();
    await sim.stop();
  }
}
