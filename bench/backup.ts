// Backup benchmark: `npm run bench -- backup [--users N --messages N --files N --seed N]
//   [--time-scale N --enforce-limits] [--change-share 0.01] [--large-file] [--without-mailbox-api] [--strict]
//   [--simulator process|in-process] [--json]`.
// `--without-mailbox-api` starts the tenant without consent to the mailbox import/export API: Exchange items are then
// backed up without their full-fidelity export streams (as for a tenant that did not grant MailboxItem.ImportExport.All).
// Starts the tenant simulator with a generated tenant in its own process (bench/backup/simulator-host.ts: the MIME,
// export streams and content real Graph builds on Microsoft's servers are then not counted as the engine's CPU or
// memory; `--simulator in-process` puts it back in this process for comparison), devdb, a filesystem content store
// and the backup worker (Graph layer + RunEngine) in this process; reads everything once unmeasured (so that the
// simulator's memoized export streams are warm for both measured reads), runs a full backup, measures the raw-fetch
// ceiling of the same bytes (bench/backup/ceiling.ts), changes a share of the items and runs an incremental. Prints
// one line per phase (items/s, MB/s, Graph requests per item, 429 share, peak RSS of this process and, apart, of the
// simulator's process, CPU seconds of the engine, the simulator and the database: bench/backup/process-cpu.ts; database
// commands, bench/backup/database-commands.ts) and checks after each run that the catalog holds exactly the simulator's items.
// A phase's requests and commands include its run's end-of-run pipeline (bench/backup/end-of-run.ts); its time, memory
// and CPU are the run's own. Everything
// the benchmark asks of the simulator goes over HTTP (Graph, and its `/_sim` control API). Graph requests count a
// `$batch` once and each of its sub-requests once; `httpRequests` and `graphOperations` count them apart
// (bench/backup/request-breakdown.ts); with `--json`, each phase also lists its requests per endpoint.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, type Db } from 'mongodb';
import { findRun } from '../backend/dist/backup/run-reads.js';
import { ensureIndexes } from '../backend/dist/db/index.js';
import { startDevDb } from '../tools/devdb/dist/index.js';
import type { CountersSnapshot } from '../tools/m365-simulator/dist/index.js';
import { startBackupWorker, type BackupWorker } from '../teams-app/dist/worker-runtime.js';
import { PlainGraph } from '../backend/test/backup-scale/plain-graph.ts';
import {
  catalogDifferences,
  removeLargeGeneratedFileRemotely,
  simulatorInventory,
  type InventoryItem,
} from '../backend/test/backup-scale/inventory.ts';
import { fetchEverything } from './backup/ceiling.ts';
import { measure, round } from './backup/phase-meter.ts';
import { mailboxRateShare } from './backup/rate-share.ts';
import { requestCounts, requestsByEndpoint } from './backup/request-breakdown.ts';
import { countDatabaseCommands } from './backup/database-commands.ts';
import { endOfRunHandled } from './backup/end-of-run.ts';
import { startBenchSimulator, type BenchSimulator, type SimulatorPlacement } from './backup/simulator-host.ts';
import { changeItems } from './backup/tenant-changes.ts';
import { warmUpElsewhere } from './backup/warm-up.ts';

const MB = 1_000_000;
/** The run engine's unit concurrency per worker process and the Graph layer's requests in flight per mailbox. */
const RESOURCES_IN_PARALLEL = 4;
const REQUESTS_PER_RESOURCE = 4;

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '4' },
    messages: { type: 'string', default: '300' },
    files: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
    'time-scale': { type: 'string', default: '60' },
    'enforce-limits': { type: 'boolean', default: false },
    'change-share': { type: 'string', default: '0.01' },
    'large-file': { type: 'boolean', default: false },
    'without-mailbox-api': { type: 'boolean', default: false },
    // The simulator's strict mode halves pages and repeats delta entries on purpose; figures compare with Graph's
    // usual page sizes unless asked.
    strict: { type: 'boolean', default: false },
    simulator: { type: 'string', default: 'process' },
    json: { type: 'boolean', default: false },
  },
});
const spec = {
  users: Number(values.users),
  messagesPerUser: Number(values.messages),
  filesPerUser: Number(values.files),
  seed: Number(values.seed),
};
const timeScale = Number(values['time-scale']);
const enforceLimits = values['enforce-limits']!;
if (values.simulator !== 'process' && values.simulator !== 'in-process') {
  console.error(`--simulator: "${values.simulator}" is neither "process" nor "in-process"`);
  process.exit(2);
}
const placement: SimulatorPlacement = values.simulator;

function print(figures: Record<string, unknown>): void {
  if (values.json) console.log(JSON.stringify(figures));
  else
    console.log(
      Object.entries(figures)
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
        .join(' '),
    );
}

const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-backup-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const client = await MongoClient.connect(process.env.MONGODB_URI ?? devDb!.uri, { monitorCommands: true });
const databaseCommands = countDatabaseCommands(client);
const db = client.db(`bench_backup_${Date.now()}`);
const sim = await startBenchSimulator(placement, {
  generate: spec,
  enforceLimits,
  timeScale,
  strict: values.strict,
  // Room for every export stream of the tenant (it holds only what is exported): see the warm-up below.
  exportCacheBytes: 2 ** 30,
  ...(values['without-mailbox-api'] && { appRoles: await appRolesWithoutMailboxApi() }),
});
let worker: BackupWorker | undefined;
const ceilingOptions = {
  resourcesInParallel: RESOURCES_IN_PARALLEL,
  requestsPerResource: REQUESTS_PER_RESOURCE,
  exports: !values['without-mailbox-api'],
};

try {
  const largeFileRemoved = values['large-file'] ? false : await removeLargeGeneratedFileRemotely(sim.control);
  await ensureIndexes(db);
  worker = await startBackupWorker({
    db,
    storeLocations: [{ location: 'italy-north', store: { kind: 'directory', path: join(scratch, 'store') } }],
    masterKey: randomBytes(32),
    connection: {
      tenantId: sim.tenantId,
      clientId: sim.app.clientId,
      clientSecret: sim.app.clientSecret,
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
    },
    workerName: 'bench-worker',
    limits: { timeScale },
    pollIntervalMs: 200,
  });
  const plain = await PlainGraph.connect(sim);
  const inventory = await simulatorInventory(sim.control, plain);
  const setup = {
    ...spec,
    timeScale,
    enforceLimits,
    largeFileRemoved,
    simulator: placement,
    rssAtStartMB: round(process.memoryUsage().rss / MB),
    simulatorPeakRssAtStartMB: sim.peakRssMB(),
  };
  const job = await worker.jobs.create(
    sim.tenantId,
    {
      name: 'Benchmark',
      scope: { type: 'organisation' },
      workloads: ['exchange', 'onedrive', 'sharepoint'],
      dailyTime: '22:00',
      retentionYears: 1,
    },
    'bench',
  );

  // Graph's side of a read (building MIME, compressing an export stream) runs on Microsoft's servers, not on the
  // backup's machine. One unmeasured raw pass fills the simulator's memoized export streams, so that the full backup
  // and the ceiling both find Graph's side as cheap as it can be here, rather than the first to read paying for both.
  // In a process of its own (warm-up.ts): what it leaves behind is not the engine's memory.
  await warmUpElsewhere({
    target: {
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
      tenantId: sim.tenantId,
      app: { clientId: sim.app.clientId, clientSecret: sim.app.clientSecret },
    },
    inventory,
    options: ceilingOptions,
  });
  const full = await backupPhase(worker, sim, db, job.jobId, inventory);

  const ceilingCounts = { ...plain.counts };
  await sim.control.resetCounters();
  sim.resetPeakRss();
  const ceiling = await measure(() => fetchEverything(plain, inventory, ceilingOptions));
  const ceilingRequests = plain.counts.requests - ceilingCounts.requests;
  const ceilingItemsPerSecond = ceiling.result.items / ceiling.seconds;
  const ceilingMBps = ceiling.result.bytes / MB / ceiling.seconds;

  print({
    phase: 'full',
    ...setup,
    ...full.figures,
    shareOfCeilingItems: round(full.itemsPerSecond / ceilingItemsPerSecond, 3),
    shareOfCeilingMB: round(full.MBps / ceilingMBps, 3),
  });
  print({
    phase: 'ceiling',
    items: ceiling.result.items,
    megabytes: round(ceiling.result.bytes / MB, 2),
    exportRequests: ceiling.result.exportRequests,
    exportedMegabytes: round(ceiling.result.exportedBytes / MB, 2),
    seconds: round(ceiling.seconds, 2),
    itemsPerSecond: round(ceilingItemsPerSecond),
    MBps: round(ceilingMBps, 2),
    graphRequests: ceilingRequests,
    throttledShare: round((await sim.control.counters()).total.throttled / Math.max(1, ceilingRequests), 4),
    resourcesInParallel: RESOURCES_IN_PARALLEL,
    requestsPerResource: REQUESTS_PER_RESOURCE,
    peakRssMB: ceiling.peakRssMB,
    cpuSeconds: ceiling.cpuSeconds,
    simulatorPeakRssMB: sim.peakRssMB(),
  });

  const changeCount = Math.max(1, Math.round(inventory.length * Number(values['change-share'])));
  const changes = await changeItems(sim.control, inventory, changeCount);
  const changedInventory = await simulatorInventory(sim.control, plain);
  const incremental = await backupPhase(worker, sim, db, job.jobId, changedInventory);
  print({
    phase: 'incremental',
    changes,
    ...incremental.figures,
    requestsShareOfFull: round(incremental.requests / full.requests, 4),
    httpRequestsShareOfFull: round(incremental.counts.httpRequests / full.counts.httpRequests, 4),
    graphOperationsShareOfFull: round(incremental.counts.graphOperations / full.counts.graphOperations, 4),
    timeShareOfFull: round(incremental.seconds / full.seconds, 4),
  });
} finally {
  await worker?.stop(30_000);
  await client.close();
  await sim.stop();
  await devDb?.stop();
  await rm(scratch, { recursive: true, force: true });
}
// Agenda leaves each finished job's liveness check sleeping for half its lock lifetime (5 minutes by default), which
// would keep this process alive long after the figures are printed.
process.exit(0);

/** Runs the job once to its end and describes the run as one phase's figures. */
async function backupPhase(
  backup: BackupWorker,
  simulator: BenchSimulator,
  database: Db,
  jobId: string,
  expected: readonly InventoryItem[],
) {
  await simulator.control.resetCounters();
  simulator.resetPeakRss();
  databaseCommands.reset();
  const measured = await measure(async () => {
    const started = await backup.engine.startRun(simulator.tenantId, jobId, 'manual', 'bench');
    return waitForEnd(backup, database, simulator.tenantId, started.runId);
  });
  const run = measured.result;
  // The run's own end-of-run work (licence check, usage point) is counted with it, not with the next phase.
  await endOfRunHandled(database, simulator.tenantId, run.runId);
  const commands = databaseCommands.counts();
  const counters = await simulator.control.counters();
  const simulatorPeakRssMB = simulator.peakRssMB();
  const units = await backup.engine.runUnits(simulator.tenantId, run.runId);
  const difference = await catalogDifferences(database, simulator.tenantId, expected);
  const requests = counters.total.requests;
  const counts = requestCounts(counters);
  const itemsPerSecond = run.progress.items / measured.seconds;
  const MBps = run.progress.bytes / MB / measured.seconds;
  const mail = mailRequests(counters, run.progress.items, expected);
  return {
    requests,
    counts,
    seconds: measured.seconds,
    itemsPerSecond,
    MBps,
    figures: {
      status: run.status,
      resources: run.progress.resourcesTotal,
      items: run.progress.items,
      deletions: run.progress.deletions,
      warnings: run.progress.warnings,
      megabytes: round(run.progress.bytes / MB, 2),
      seconds: round(measured.seconds, 2),
      itemsPerSecond: round(itemsPerSecond),
      MBps: round(MBps, 2),
      graphRequests: requests,
      ...counts,
      requestsPerItem: round(requests / Math.max(1, run.progress.items), 3),
      mailRequestsPerMailItem: mail,
      throttledShare: round(counters.total.throttled / Math.max(1, requests), 4),
      peakRssMB: measured.peakRssMB,
      cpuSeconds: measured.cpuSeconds,
      simulatorPeakRssMB,
      databaseCommands: commands.total,
      databaseCommandsPerResource: round(commands.total / Math.max(1, run.progress.resourcesTotal), 1),
      catalogCurrentVersions: difference.current,
      catalogExact:
        difference.missing.length === 0 && difference.unexpected.length === 0 && difference.duplicated.length === 0,
      ...(enforceLimits && { rateShare: roundAll(mailboxRateShare(units, counters, timeScale)) }),
      ...(values.json && { requestsByEndpoint: requestsByEndpoint(counters) }),
      ...(values.json && { databaseCommandsByCommand: commands.byCommand }),
    },
  };
}

/** Mailbox requests over mail items: only meaningful for a full run, where every message is read once. */
function mailRequests(counters: CountersSnapshot, items: number, expected: readonly InventoryItem[]): number | null {
  const mailItems = expected.filter((item) => item.resourceId.startsWith('mailbox:')).length;
  if (items < expected.length || mailItems === 0) return null;
  const requests = Object.entries(counters.byResource)
    .filter(([resource]) => resource.startsWith('mailbox:'))
    .reduce((sum, [, count]) => sum + count.requests, 0);
  return round(requests / mailItems, 3);
}

/**
 * Polls the run's own record, and sums its units' progress once it has ended: the run with its progress reads every
 * unit of the run, which every 250 ms of a 200-account run was half the database's reads of the run's units.
 */
async function waitForEnd(backup: BackupWorker, database: Db, tenantId: string, runId: string) {
  for (;;) {
    const record = await findRun(database, tenantId, runId);
    if (record && record.status !== 'queued' && record.status !== 'running') {
      const run = await backup.engine.run(tenantId, runId);
      if (run) return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The simulator's default app roles but the mailbox import/export API's. Imported only when asked for: the module that
 * defines them loads the simulator's token service (jose and more) into the engine's process, whose memory is measured.
 */
async function appRolesWithoutMailboxApi(): Promise<string[]> {
  const { APP_ROLES } = await import('../tools/m365-simulator/dist/identity/token-endpoint.js');
  return APP_ROLES.filter((role) => !role.startsWith('Mailbox'));
}

function roundAll<T extends object>(figures: T): T {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round(value as number, 3)])) as T;
}
