import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Job } from 'agenda';
import { Catalog } from '../catalog/index.js';
import type { TenantCollection } from '../db/index.js';
import type { DomainEvents } from '../events.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { backupJobsCollection, runsCollection, runUnitsCollection } from './collections.js';
import { recordCoverageOfRun } from './job-coverage.js';
import type { ResyncSignal } from '../backup-unit/delta-stream.js';
import {
  pendingUnit,
  type BackupJob,
  type BackupRun,
  type RunProgress,
  type RunStatus,
  type RunUnit,
  type RunView,
} from './model.js';
import { servicesOfProfiles, type ProfileWorkloads } from './job-profiles.js';
import type { ContentWriter, GraphReader } from '../backup-unit/ports.js';
import { backupResource } from './resource-backup.js';
import { expandScope, type PlannedResource } from './scope.js';
import { describeUnitFailure } from './unit-failure.js';
import { defaultUnitLanes, isDueInLane, positionsOf } from './unit-lanes.js';
import { runErrorBilingual, type AnyRunErrorNotice } from '../run-errors/run-error-texts.js';
import { LeaseLostError, UnitLeases, type UnitLease } from './unit-lease.js';
import type { UnitContext, UnitProgress } from '../backup-unit/unit-context.js';
import { warningText } from '../backup-unit/warning-texts.js';
import { isDuplicateKeyError } from '../db/index.js';

/** How the engine reads the Graph layer's errors. */
export interface GraphErrorReader {
  resyncOf(error: unknown): ResyncSignal | null;
  /** Permanent per-item answers (404, 403, 400) that make the item a warning, not a failed unit. */
  isItemUnreadable(error: unknown): boolean;
}

export interface RunEngineOptions {
  db: Db;
  scheduler: Scheduler;
  events: DomainEvents;
  store: ContentWriter;
  /** The Graph reader for a customer tenant (app-only access). */
  graphFor(tenantId: string): Promise<GraphReader>;
  graphErrors: GraphErrorReader;
  workerName: string;
  /** How long a unit lease lasts without a checkpoint before another worker may take it over. */
  unitLeaseMs?: number;
  /** Attempts per unit before it is reported failed. */
  maxUnitAttempts?: number;
  /** Delay before a failed unit is tried again, times the attempt number. */
  retryDelayMs?: number;
  /** Least time between two progress checkpoints of a unit (counts persisted, lease renewed). */
  checkpointIntervalMs?: number;
  /** How often every worker's sweep looks for units nobody is working on (default: the lease, at most 1 min). */
  recoveryIntervalMs?: number;
  /** How many of a run's units have an Agenda job at a time (`unit-lanes.ts`; default 16). */
  unitLanes?: number;
  /**
   * The services a profile includes at a retention tier, as the tenant's licence says (undefined for one not bought).
   * A person's resources are then only those of the job's services their profile includes: Bronze's people of a job
   * with Gold groups too get what Bronze protects. Without it, everyone gets the job's services.
   */
  profileWorkloads?: ProfileWorkloads;
}

interface RunJobData {
  tenantId: string;
  runId: string;
}

interface UnitJobData extends RunJobData {
  resourceId: string;
}

export const backupRunJobName = 'backup-run';
export const backupUnitJobName = 'backup-unit';
export const backupRecoveryJobName = 'backup-recover-units';

/**
 * Runs backup jobs: a run expands its scope into one unit per resource; each unit is an Agenda
 * job that any worker process may take, under a lease, queued when its lane reaches it
 * (`unit-lanes.ts`); the last unit to finish closes the run and emits its event. Every step is
 * safe to repeat, because on FerretDB Agenda may start a job twice.
 */
export class RunEngine {
  private readonly jobs: TenantCollection<BackupJob>;
  private readonly runs: TenantCollection<BackupRun>;
  private readonly units: TenantCollection<RunUnit>;
  private readonly leases: UnitLeases;
  private readonly maxUnitAttempts: number;
  private readonly retryDelayMs: number;
  private readonly checkpointIntervalMs: number;
  private readonly recoveryIntervalMs: number;
  private readonly unitLeaseMs: number;
  private readonly unitLanes: number;

  constructor(private readonly options: RunEngineOptions) {
    const unitLeaseMs = options.unitLeaseMs ?? 5 * 60_000;
    this.unitLeaseMs = unitLeaseMs;
    this.jobs = backupJobsCollection.scoped(options.db);
    this.runs = runsCollection.scoped(options.db);
    this.units = runUnitsCollection.scoped(options.db);
    this.leases = new UnitLeases(options.db, options.workerName, unitLeaseMs);
    this.maxUnitAttempts = options.maxUnitAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 5_000;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 2_000;
    this.recoveryIntervalMs = options.recoveryIntervalMs ?? Math.min(unitLeaseMs, 60_000);
    this.unitLanes = options.unitLanes ?? defaultUnitLanes;
    options.scheduler.define(backupRecoveryJobName, () => this.recoverAbandonedUnits().then(() => undefined), {
      concurrency: 1,
    });
    // Run and unit records live in their own collections; Agenda's copies go once they have run.
    options.scheduler.define<RunJobData>(backupRunJobName, (data) => this.planRun(data), {
      concurrency: 2,
      removeOnComplete: true,
    });
    options.scheduler.define<UnitJobData>(backupUnitJobName, (data, job) => this.runUnit(data, job), {
      concurrency: 4,
      lockLifetimeMs: unitLeaseMs,
      removeOnComplete: true,
    });
  }

  /** Schedules the recovery sweep; call once the scheduler has started. */
  async scheduleRecovery(): Promise<void> {
    await this.options.scheduler.runEvery(this.recoveryIntervalMs, backupRecoveryJobName);
  }

  /**
   * Re-queues units of running runs that are due in their lane but that nobody works on and no
   * Agenda job will pick up: their worker was killed after a duplicate of their job (Agenda on
   * FerretDB may start one twice) had already been marked finished, or after the unit before them
   * in their lane ended and before it queued them. Closes running runs whose units are all final
   * (their closer was killed). Returns how many units were queued again.
   */
  async recoverAbandonedUnits(): Promise<number> {
    const running = await runsCollection.raw(this.options.db).find({ status: 'running' }).toArray();
    if (running.length === 0) return 0;
    // One read of the unit jobs there are for the whole sweep, rather than one per open unit (each read every unit job).
    const jobKey = ({ tenantId, runId, resourceId }: UnitJobData) => `${tenantId}|${runId}|${resourceId}`;
    const queued = new Set((await this.options.scheduler.liveJobData<UnitJobData>(backupUnitJobName)).map(jobKey));
    let requeued = 0;
    for (const run of running) {
      const open = await this.units
        .find(run.tenantId, { runId: run.runId, status: { $in: ['pending', 'running'] } })
        .toArray();
      // Every unit final but the run still running: its closer died before (or while) closing it.
      if (open.length === 0 && (await this.units.countDocuments(run.tenantId, { runId: run.runId })) > 0) {
        await this.closeRunIfComplete(run.tenantId, run.runId);
      }
      const openPositions = positionsOf(open);
      for (const unit of open) {
        const data = { tenantId: run.tenantId, runId: run.runId, resourceId: unit.resourceId };
        if (!isDueInLane(unit, openPositions, this.unitLanes)) continue;
        if (queued.has(jobKey(data))) continue;
        if (!(await this.leases.isAbandoned(run.tenantId, run.runId, unit.resourceId))) continue;
        await this.options.scheduler.runNow<UnitJobData>(backupUnitJobName, data);
        requeued += 1;
      }
    }
    return requeued;
  }

  /** Queues a run of the job now ("Run this job"). */
  async startRun(
    tenantId: string,
    jobId: string,
    trigger: BackupRun['trigger'],
    requestedBy: string,
  ): Promise<BackupRun> {
    const job = await this.jobs.findOne(tenantId, { jobId });
    if (!job) throw new Error(`backup job ${jobId} does not exist in tenant ${tenantId}`);
    const run: BackupRun = {
      tenantId,
      runId: randomUUID(),
      jobId,
      jobName: job.name,
      trigger,
      requestedBy,
      status: 'queued',
      queuedAt: new Date(),
      startedAt: null,
      finishedAt: null,
      error: null,
    };
    await this.runs.insertOne(tenantId, run);
    await this.options.scheduler.runNow<RunJobData>(backupRunJobName, { tenantId, runId: run.runId });
    return run;
  }

  /** A run with its progress summed from its units. */
  async run(tenantId: string, runId: string): Promise<RunView | null> {
    const run = await this.runs.findOne(tenantId, { runId });
    if (!run) return null;
    return { ...run, progress: summarise(await this.runUnits(tenantId, runId)) };
  }

  runUnits(tenantId: string, runId: string): Promise<RunUnit[]> {
    return this.units.find(tenantId, { runId }, { sort: { displayName: 1 } }).toArray();
  }

  /** Expands the scope and queues one unit per resource. Safe to repeat after a crash. */
  private async planRun({ tenantId, runId }: RunJobData): Promise<void> {
    const run = await this.runs.findOne(tenantId, { runId });
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
    const job = await this.jobs.findOne(tenantId, { jobId: run.jobId });
    if (!job) {
      await this.finishRun(tenantId, runId, 'failed', { code: 'job_deleted', params: {} });
      return;
    }
    if (run.status === 'queued') {
      await this.runs.updateOne(tenantId, { runId }, { $set: { status: 'running', startedAt: new Date() } });
    }

    let planned: PlannedResource[];
    try {
      const graph = await this.options.graphFor(tenantId);
      planned = await expandScope(
        graph,
        job.scope,
        job.workloads,
        job.profile,
        await servicesOfProfiles(job, this.options.profileWorkloads),
      );
    } catch (error) {
      await this.finishRun(tenantId, runId, 'failed', {
        code: 'accounts_unreadable',
        params: { reason: message(error) },
      });
      return;
    }
    if (planned.length === 0) {
      await this.finishRun(tenantId, runId, 'warning', { code: 'scope_empty', params: {} });
      return;
    }

    // Two round trips for the whole plan, however many accounts; planning again after a crash repeats both harmlessly.
    await new Catalog(this.options.db, tenantId).upsertResources(
      planned.map(({ workloads: _units, profile: _protectedUnder, ...description }) => description),
    );
    await this.insertUnits(tenantId, runId, planned);
    const open = await this.units.find(tenantId, { runId, status: { $in: ['pending', 'running'] } }).toArray();
    const openPositions = positionsOf(open);
    for (const unit of open) {
      if (!isDueInLane(unit, openPositions, this.unitLanes)) continue;
      await this.options.scheduler.runNow<UnitJobData>(backupUnitJobName, {
        tenantId,
        runId,
        resourceId: unit.resourceId,
      });
    }
  }

  /** The run's units, one per planned resource in plan order; those an earlier planning of the run inserted stay. */
  private async insertUnits(tenantId: string, runId: string, planned: readonly PlannedResource[]) {
    try {
      await this.units.insertMany(
        tenantId,
        planned.map((resource, position) => pendingUnit(tenantId, runId, resource, position)),
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Leases one unit and backs up its resource; a duplicate or late job finds the lease taken and returns. */
  private async runUnit({ tenantId, runId, resourceId }: UnitJobData, job: Job<UnitJobData>): Promise<void> {
    const unit = await this.units.findOne(tenantId, { runId, resourceId });
    if (!unit || unit.status === 'done' || unit.status === 'failed') return;
    const lease = await this.leases.acquire(tenantId, runId, resourceId);
    if (!lease) return;
    // Agenda on FerretDB may start one job twice: the unit may have ended between the read and the lease.
    const current = await this.units.findOne(tenantId, { runId, resourceId });
    if (!current || current.status === 'done' || current.status === 'failed') {
      await lease.finish();
      return;
    }

    const attempts = current.attempts + 1;
    await this.units.updateOne(
      tenantId,
      { runId, resourceId },
      { $set: { status: 'running', attempts, startedAt: current.startedAt ?? new Date() } },
    );
    const catalog = new Catalog(this.options.db, tenantId);
    const progress = this.unitProgress(tenantId, runId, resourceId, lease, job);
    // A page can take longer than the lease (500 messages on a slow mailbox): a heartbeat keeps the lease
    // and Agenda's lock alive while this process lives, and stops when it dies.
    let leaseLost: unknown = null;
    const heartbeat = setInterval(() => {
      lease.renew().catch((error: unknown) => {
        leaseLost = error;
      });
      void touchAgendaJob(job);
    }, this.unitLeaseMs / 3);
    try {
      const resource = await catalog.resource(resourceId);
      if (!resource) throw new Error(`resource ${resourceId} is not in the catalog`);
      const context: UnitContext = {
        tenantId,
        runId,
        resource,
        graph: await this.options.graphFor(tenantId),
        store: this.options.store,
        catalog,
        progress,
        resyncOf: (error) => this.options.graphErrors.resyncOf(error),
        isItemUnreadable: (error) => this.options.graphErrors.isItemUnreadable(error),
      };
      await backupResource(context);
      if (leaseLost) throw leaseLost;
      await progress.checkpoint(true);
      await catalog.markResourceBackedUp(resourceId, runId, new Date());
      await this.units.updateOne(
        tenantId,
        { runId, resourceId },
        { $set: { status: 'done', finishedAt: new Date(), error: null } },
      );
    } catch (error) {
      clearInterval(heartbeat);
      // The unit is another worker's now: it writes the unit's outcome, not this one.
      if (error instanceof LeaseLostError) return;
      await progress.checkpoint(true).catch(() => undefined);
      const final = attempts >= this.maxUnitAttempts;
      await this.units.updateOne(
        tenantId,
        { runId, resourceId },
        {
          $set: {
            status: final ? 'failed' : 'pending',
            error: describeUnitFailure(error),
            ...(final && { finishedAt: new Date() }),
          },
        },
      );
      if (!final) {
        await lease.release();
        await this.options.scheduler.runAt<UnitJobData>(
          new Date(Date.now() + this.retryDelayMs * attempts),
          backupUnitJobName,
          {
            tenantId,
            runId,
            resourceId,
          },
        );
        return;
      }
    }
    clearInterval(heartbeat);
    await lease.finish();
    await this.queueNextInLane(tenantId, runId, current.position);
    await this.closeRunIfComplete(tenantId, runId);
  }

  /** A unit at `position` is final: the next unit of its lane gets its job (read by equality, one row). */
  private async queueNextInLane(tenantId: string, runId: string, position: number | undefined): Promise<void> {
    if (position === undefined) return;
    const next = await this.units
      .find(
        tenantId,
        { runId, position: position + this.unitLanes, status: 'pending' },
        { projection: { resourceId: 1 } },
      )
      .toArray();
    for (const unit of next) {
      await this.options.scheduler.runNow<UnitJobData>(backupUnitJobName, {
        tenantId,
        runId,
        resourceId: unit.resourceId,
      });
    }
  }

  private unitProgress(
    tenantId: string,
    runId: string,
    resourceId: string,
    lease: UnitLease,
    job: Job<UnitJobData>,
  ): UnitProgress {
    let pending = { items: 0, bytes: 0, deletions: 0, warnings: [] as RunUnit['warnings'] };
    let lastCheckpoint = Date.now();
    return {
      addItems(count, size) {
        pending.items += count;
        pending.bytes += size;
      },
      addDeletions(count) {
        pending.deletions += count;
      },
      warn(notice, itemId) {
        pending.warnings.push({
          message: warningText(notice, 'en'),
          notice,
          ...(itemId !== undefined && { itemId }),
        });
      },
      checkpoint: async (force = false) => {
        // Each checkpoint is four database writes; a page every few milliseconds need not pay them.
        if (!force && Date.now() - lastCheckpoint < this.checkpointIntervalMs) return;
        lastCheckpoint = Date.now();
        await lease.renew();
        const delta = pending;
        pending = { items: 0, bytes: 0, deletions: 0, warnings: [] };
        await this.units.updateOne(
          tenantId,
          { runId, resourceId },
          {
            $inc: { items: delta.items, bytes: delta.bytes, deletions: delta.deletions },
            $push: { warnings: { $each: delta.warnings } },
          },
        );
        await touchAgendaJob(job);
      },
    };
  }

  /** When no unit is pending or running, the run takes its final status. */
  private async closeRunIfComplete(tenantId: string, runId: string): Promise<void> {
    // Two reads by equality, which the run-and-status index serves, before reading every unit: after each of a run's N
    // units the whole run's units were read, N² in all (80 % of the rows a 200-account run read). Running units first:
    // there are as many as the workers run at once, while until the end most of a run's units are pending, and FerretDB
    // hands back every match of a findOne, not one (a pending-first read returned 17 rows a call in a 200-account run).
    for (const status of ['running', 'pending'] as const) {
      if (await this.units.findOne(tenantId, { runId, status }, { projection: { _id: 1 } })) return;
    }
    const units = await this.runUnits(tenantId, runId);
    if (units.some((unit) => unit.status === 'pending' || unit.status === 'running')) return;
    const failed = units.filter((unit) => unit.status === 'failed').length;
    const warned = units.some((unit) => unit.warnings.length > 0);
    const status: RunStatus = failed === units.length ? 'failed' : failed > 0 || warned ? 'warning' : 'succeeded';
    await this.finishRun(
      tenantId,
      runId,
      status,
      failed > 0 ? { code: 'accounts_failed', params: { failed, total: units.length } } : null,
    );
  }

  /**
   * Records the job's coverage as this run found it, emits the run's event, then sets its final status, so whoever
   * sees the run finished sees its accounts protected. Each step is safe to repeat (the event is keyed by run): a
   * process killed between two leaves a running run whose units are all final, which the recovery sweep closes
   * again. (Status first lost the event: a finished run the end-of-run pipeline never followed.)
   */
  private async finishRun(
    tenantId: string,
    runId: string,
    status: RunStatus,
    notice: AnyRunErrorNotice | null,
  ): Promise<void> {
    const run = await this.run(tenantId, runId);
    const error = notice && runErrorBilingual(notice).en;
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
    const failedResources = (await this.units.find(tenantId, { runId, status: 'failed' }).toArray()).map(
      (unit) => `${unit.displayName}: ${unit.error ?? 'unknown error'}`,
    );
    await recordCoverageOfRun(this.options.db, tenantId, run.jobId, runId);
    const base = { runId, jobId: run.jobId, jobName: run.jobName };
    const dedupKey = `run:${runId}`;
    if (status === 'succeeded') {
      await this.options.events.emit(
        tenantId,
        'run.completed',
        { ...base, items: run.progress.items, bytes: run.progress.bytes },
        dedupKey,
      );
    } else if (status === 'warning') {
      await this.options.events.emit(
        tenantId,
        'run.warning',
        { ...base, warnings: run.progress.warnings, failedResources },
        dedupKey,
      );
    } else if (status === 'failed') {
      await this.options.events.emit(
        tenantId,
        'run.failed',
        { ...base, reason: error ?? 'the run failed', ...(notice && { notice }), failedResources },
        dedupKey,
      );
    }
    await this.runs.updateOne(
      tenantId,
      { runId, status: { $in: ['queued', 'running'] } },
      { $set: { status, error, ...(notice && { errorNotice: notice }), finishedAt: new Date() } },
    );
  }
}

function summarise(units: readonly RunUnit[]): RunProgress {
  return {
    resourcesTotal: units.length,
    resourcesDone: units.filter((unit) => unit.status === 'done').length,
    resourcesFailed: units.filter((unit) => unit.status === 'failed').length,
    items: units.reduce((sum, unit) => sum + unit.items, 0),
    bytes: units.reduce((sum, unit) => sum + unit.bytes, 0),
    deletions: units.reduce((sum, unit) => sum + unit.deletions, 0),
    warnings: units.reduce((sum, unit) => sum + unit.warnings.length, 0),
  };
}

/**
 * Renews Agenda's lock on the job. The unit's lease is what proves ownership; Agenda's record may
 * already be gone (a duplicate of the job, started by another worker, completed and removed it).
 */
async function touchAgendaJob(job: Job<UnitJobData>): Promise<void> {
  await job.touch().catch(() => undefined);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
