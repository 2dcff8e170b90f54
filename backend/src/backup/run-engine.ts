import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Job } from 'agenda';
import { Catalog } from '../catalog/index.js';
import type { TenantCollection } from '../db/index.js';
import type { DomainEvents } from '../events.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { backupMailbox } from '../workloads/exchange/mail-backup.js';
import { backupDrive } from '../workloads/files/drive-backup.js';
import { backupTeam } from '../workloads/teams/team-backup.js';
import { backupJobsCollection, runsCollection, runUnitsCollection } from './collections.js';
import type { ResyncSignal } from './delta-stream.js';
import type { BackupJob, BackupRun, RunStatus, RunUnit } from './model.js';
import type { ContentWriter, GraphReader } from './ports.js';
import { expandScope } from './scope.js';
import type { UnitContext, UnitProgress } from './unit-context.js';

/** How the engine reads the Graph layer's errors. */
export interface GraphErrorReader {
  resyncOf(error: unknown): ResyncSignal | null;
  isNotFound(error: unknown): boolean;
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

/**
 * Runs backup jobs: a run expands its scope into one unit per resource; each unit is an Agenda
 * job that any worker process may take; the last unit to finish closes the run and emits its event.
 */
export class RunEngine {
  private readonly jobs: TenantCollection<BackupJob>;
  private readonly runs: TenantCollection<BackupRun>;
  private readonly units: TenantCollection<RunUnit>;
  private readonly unitLeaseMs: number;
  private readonly maxUnitAttempts: number;

  constructor(private readonly options: RunEngineOptions) {
    this.jobs = backupJobsCollection.scoped(options.db);
    this.runs = runsCollection.scoped(options.db);
    this.units = runUnitsCollection.scoped(options.db);
    this.unitLeaseMs = options.unitLeaseMs ?? 5 * 60_000;
    this.maxUnitAttempts = options.maxUnitAttempts ?? 3;
    options.scheduler.define<RunJobData>(backupRunJobName, (data) => this.planRun(data), { concurrency: 2 });
    options.scheduler.define<UnitJobData>(backupUnitJobName, (data, job) => this.runUnit(data, job), {
      concurrency: 4,
      lockLifetimeMs: this.unitLeaseMs,
    });
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
      progress: {
        resourcesTotal: 0,
        resourcesDone: 0,
        resourcesFailed: 0,
        items: 0,
        bytes: 0,
        deletions: 0,
        warnings: 0,
      },
      error: null,
    };
    await this.runs.insertOne(tenantId, run);
    await this.options.scheduler.runNow<RunJobData>(backupRunJobName, { tenantId, runId: run.runId });
    return run;
  }

  run(tenantId: string, runId: string): Promise<BackupRun | null> {
    return this.runs.findOne(tenantId, { runId });
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
      await this.finishRun(tenantId, runId, 'failed', 'the backup job was deleted before its run started');
      return;
    }
    await this.runs.updateOne(
      tenantId,
      { runId, startedAt: null },
      { $set: { status: 'running', startedAt: new Date() } },
    );

    let planned;
    try {
      const graph = await this.options.graphFor(tenantId);
      planned = await expandScope(graph, job.scope, job.workloads, (error) =>
        this.options.graphErrors.isNotFound(error),
      );
    } catch (error) {
      await this.finishRun(
        tenantId,
        runId,
        'failed',
        `the list of accounts could not be read from Microsoft 365: ${message(error)}`,
      );
      return;
    }

    const catalog = new Catalog(this.options.db, tenantId);
    for (const resource of planned) {
      const { workloads, ...description } = resource;
      await catalog.upsertResource(description);
      await this.units.updateOne(
        tenantId,
        { runId, resourceId: resource.resourceId },
        {
          $setOnInsert: {
            tenantId,
            runId,
            resourceId: resource.resourceId,
            resourceKind: resource.kind,
            displayName: resource.displayName,
            workloads,
            status: 'pending',
            attempts: 0,
            leaseOwner: null,
            leaseUntil: null,
            items: 0,
            bytes: 0,
            deletions: 0,
            graphRequests: 0,
            warnings: [],
            error: null,
            startedAt: null,
            finishedAt: null,
          },
        },
        { upsert: true },
      );
    }
    await this.runs.updateOne(tenantId, { runId }, { $set: { 'progress.resourcesTotal': planned.length } });
    if (planned.length === 0) {
      await this.finishRun(tenantId, runId, 'warning', 'the job’s scope contains no accounts to protect');
      return;
    }
    const pending = await this.units.find(tenantId, { runId, status: { $in: ['pending', 'running'] } }).toArray();
    for (const unit of pending) {
      await this.options.scheduler.runNow<UnitJobData>(backupUnitJobName, {
        tenantId,
        runId,
        resourceId: unit.resourceId,
      });
    }
  }

  /** Leases one unit and backs up its resource; a duplicate or late job finds the lease taken and returns. */
  private async runUnit({ tenantId, runId, resourceId }: UnitJobData, job: Job<UnitJobData>): Promise<void> {
    const now = new Date();
    const claimed = await this.units.updateOne(
      tenantId,
      {
        runId,
        resourceId,
        status: { $in: ['pending', 'running'] },
        $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
      },
      {
        $set: {
          status: 'running',
          leaseOwner: this.options.workerName,
          leaseUntil: new Date(now.getTime() + this.unitLeaseMs),
        },
        $inc: { attempts: 1 },
      },
    );
    if (claimed.modifiedCount === 0) return;
    await this.units.updateOne(tenantId, { runId, resourceId, startedAt: null }, { $set: { startedAt: now } });

    const unit = (await this.units.findOne(tenantId, { runId, resourceId }))!;
    const catalog = new Catalog(this.options.db, tenantId);
    const resource = await catalog.resource(resourceId);
    const progress = this.unitProgress(tenantId, runId, resourceId, job);
    try {
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
      await progress.checkpoint();
      await catalog.markResourceBackedUp(resourceId, runId, new Date());
      await this.units.updateOne(
        tenantId,
        { runId, resourceId },
        { $set: { status: 'done', leaseUntil: null, finishedAt: new Date(), error: null } },
      );
      await this.runs.updateOne(tenantId, { runId }, { $inc: { 'progress.resourcesDone': 1 } });
    } catch (error) {
      await progress.checkpoint().catch(() => undefined);
      const final = unit.attempts >= this.maxUnitAttempts;
      await this.units.updateOne(
        tenantId,
        { runId, resourceId },
        {
          $set: {
            status: final ? 'failed' : 'pending',
            leaseUntil: null,
            error: message(error),
            ...(final && { finishedAt: new Date() }),
          },
        },
      );
      if (final) await this.runs.updateOne(tenantId, { runId }, { $inc: { 'progress.resourcesFailed': 1 } });
      if (!final) {
        await this.options.scheduler.runAt<UnitJobData>(
          new Date(Date.now() + 5_000 * unit.attempts),
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
    await this.closeRunIfComplete(tenantId, runId);
  }

  private unitProgress(tenantId: string, runId: string, resourceId: string, job: Job<UnitJobData>): UnitProgress {
    let items = 0;
    let bytes = 0;
    let deletions = 0;
    let warnings: { itemId?: string; message: string }[] = [];
    return {
      addItems(count, size) {
        items += count;
        bytes += size;
      },
      addDeletions(count) {
        deletions += count;
      },
      warn(text, itemId) {
        warnings.push({ message: text, ...(itemId !== undefined && { itemId }) });
      },
      checkpoint: async () => {
        const delta = { items, bytes, deletions, warnings };
        items = 0;
        bytes = 0;
        deletions = 0;
        warnings = [];
        await this.units.updateOne(
          tenantId,
          { runId, resourceId },
          {
            $inc: { items: delta.items, bytes: delta.bytes, deletions: delta.deletions },
            $push: { warnings: { $each: delta.warnings } },
            $set: { leaseUntil: new Date(Date.now() + this.unitLeaseMs) },
          },
        );
        await this.runs.updateOne(
          tenantId,
          { runId },
          {
            $inc: {
              'progress.items': delta.items,
              'progress.bytes': delta.bytes,
              'progress.deletions': delta.deletions,
              'progress.warnings': delta.warnings.length,
            },
          },
        );
        await job.touch();
      },
    };
  }

  /** When no unit is pending or running, the run takes its final status, once. */
  private async closeRunIfComplete(tenantId: string, runId: string): Promise<void> {
    const units = await this.units.find(tenantId, { runId }).toArray();
    if (units.some((unit) => unit.status === 'pending' || unit.status === 'running')) return;
    const failed = units.filter((unit) => unit.status === 'failed');
    const warned = units.filter((unit) => unit.warnings.length > 0);
    const status: RunStatus =
      failed.length === units.length ? 'failed' : failed.length > 0 || warned.length > 0 ? 'warning' : 'succeeded';
    await this.finishRun(
      tenantId,
      runId,
      status,
      failed.length > 0 ? `${failed.length} of ${units.length} accounts could not be backed up` : null,
      { resourcesDone: units.length - failed.length, resourcesFailed: failed.length },
    );
  }

  private async finishRun(
    tenantId: string,
    runId: string,
    status: RunStatus,
    error: string | null,
    counts?: { resourcesDone: number; resourcesFailed: number },
  ): Promise<void> {
    const result = await this.runs.updateOne(
      tenantId,
      { runId, status: { $in: ['queued', 'running'] } },
      {
        $set: {
          status,
          error,
          finishedAt: new Date(),
          ...(counts && {
            'progress.resourcesDone': counts.resourcesDone,
            'progress.resourcesFailed': counts.resourcesFailed,
          }),
        },
      },
    );
    const run = await this.runs.findOne(tenantId, { runId });
    if (!run) return;
    // The event is keyed by run, so a repeated close after a crash records it once.
    if (result.modifiedCount === 0 && run.status !== status) return;
    const failedResources = (await this.units.find(tenantId, { runId, status: 'failed' }).toArray()).map(
      (unit) => `${unit.displayName}: ${unit.error ?? 'unknown error'}`,
    );
    const base = { runId, jobId: run.jobId, jobName: run.jobName };
    if (status === 'succeeded') {
      await this.options.events.emit(
        tenantId,
        'run.completed',
        { ...base, items: run.progress.items, bytes: run.progress.bytes },
        `run:${runId}`,
      );
    } else if (status === 'warning') {
      await this.options.events.emit(
        tenantId,
        'run.warning',
        { ...base, warnings: run.progress.warnings, failedResources },
        `run:${runId}`,
      );
    } else if (status === 'failed') {
      await this.options.events.emit(
        tenantId,
        'run.failed',
        { ...base, reason: error ?? 'the run failed', failedResources },
        `run:${runId}`,
      );
    }
  }
}

async function backupResource(context: UnitContext): Promise<void> {
  const { resource } = context;
  switch (resource.kind) {
    case 'mailbox':
      return backupMailbox(context, resource.graphId);
    case 'onedrive':
    case 'sharepoint':
      return backupDrive(context, resource.driveId ?? resource.graphId);
    case 'team':
      return backupTeam(context, resource.graphId);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
