import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { Catalog } from '../catalog/index.js';
import type { TenantCollection } from '../db/index.js';
import type { DomainEvents } from '../events.js';
import type { GraphGateway } from '../graph/index.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { ContentStore } from '../store/index.js';
import { UnitLeases } from '../backup/unit-lease.js';
import { restoreItemsCollection, restoreRequestsCollection } from './collections.js';
import type {
  ItemState,
  NewRestoreRequest,
  RestoreApproval,
  RestoreItem,
  RestoreProgress,
  RestoreRequest,
} from '../restore-model/model.js';
import { emptyProgress } from './restore-progress.js';
import { RestoreHalted, runRestoreItems, TargetBusy } from './restore-runner.js';
import { resolveSelection } from './selection.js';
import { restoreFolderName } from '../restore-model/target-location.js';
import { outlookUploadBudget, UploadPacer, type UploadBudget } from '../restore-model/upload-pacer.js';
import { isDuplicateKeyError } from '../db/index.js';

export const restoreRunJobName = 'restore-run';

export interface RestoreServiceOptions {
  db: Db;
  scheduler: Scheduler;
  events: DomainEvents;
  store: ContentStore;
  /** The Graph gateway of a customer tenant (app-only access). */
  graphFor(tenantId: string): Promise<GraphGateway>;
  workerName: string;
  /** How long a restore's lease lasts without progress before another worker may take it over. */
  leaseMs?: number;
  /** Delay before a restore whose target mailbox is busy tries again. */
  retryDelayMs?: number;
  uploadBudget?: UploadBudget;
  /** Upload-session fragment size for files (rounded down to a multiple of 320 KiB). */
  fileChunkBytes?: number;
}

interface RestoreJobData {
  tenantId: string;
  restoreId: string;
}

/**
 * Restore requests: stored per tenant, processed in the background by the `restore-run` Agenda job, resumable after
 * a crash without duplicates, with live progress and a per-item result. Emits `restore.completed` / `restore.failed`.
 */
export class RestoreService {
  private readonly requests: TenantCollection<RestoreRequest>;
  private readonly items: TenantCollection<RestoreItem>;
  private readonly leases: UnitLeases;
  private readonly pacer: UploadPacer;
  private readonly leaseMs: number;
  private halted = false;

  constructor(private readonly options: RestoreServiceOptions) {
    this.requests = restoreRequestsCollection.scoped(options.db);
    this.items = restoreItemsCollection.scoped(options.db);
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.leases = new UnitLeases(options.db, options.workerName, this.leaseMs);
    this.pacer = new UploadPacer(options.uploadBudget ?? outlookUploadBudget);
    options.scheduler.define<RestoreJobData>(restoreRunJobName, (data) => this.process(data), {
      concurrency: 2,
      lockLifetimeMs: this.leaseMs,
    });
  }

  /**
   * Stores the request and queues it; the restore runs in the background. With `awaitApproval` it waits, unqueued,
   * until an administrator approves it.
   */
  async request(
    tenantId: string,
    requestedBy: string,
    input: NewRestoreRequest,
    options: { awaitApproval?: RestoreApproval['reason'] } = {},
  ): Promise<RestoreRequest> {
    const requestedAt = new Date();
    const request: RestoreRequest = {
      ...input,
      tenantId,
      restoreId: randomUUID(),
      requestedBy,
      restoreFolderName: restoreFolderName(input.language, requestedAt),
      status: options.awaitApproval ? 'awaitingApproval' : 'queued',
      progress: emptyProgress(),
      requestedAt,
      startedAt: null,
      finishedAt: null,
      error: null,
      ...(options.awaitApproval && {
        approval: { reason: options.awaitApproval, decision: 'pending', decidedBy: null, decidedAt: null, note: null },
      }),
    };
    await this.requests.insertOne(tenantId, request);
    if (request.status === 'queued') await this.queue(tenantId, request.restoreId);
    return request;
  }

  /**
   * An administrator's decision on a restore awaiting approval: approved restores are queued, rejected ones end with
   * the administrator's note. Null when there is no such restore waiting.
   */
  async decide(
    tenantId: string,
    restoreId: string,
    decision: { approve: boolean; decidedBy: string; note?: string },
  ): Promise<RestoreRequest | null> {
    const waiting = await this.requests.findOne(tenantId, { restoreId, status: 'awaitingApproval' });
    if (!waiting?.approval) return null;
    const approval: RestoreApproval = {
      ...waiting.approval,
      decision: decision.approve ? 'approved' : 'rejected',
      decidedBy: decision.decidedBy,
      decidedAt: new Date(),
      note: decision.note ?? null,
    };
    const status = decision.approve ? 'queued' : 'rejected';
    const finishedAt = decision.approve ? null : approval.decidedAt;
    await this.requests.updateOne(tenantId, { restoreId }, { $set: { status, approval, finishedAt } });
    // Queuing twice (two administrators approving at once) is harmless: the restore's lease lets one worker run it.
    if (decision.approve) await this.queue(tenantId, restoreId);
    return { ...waiting, status, approval, finishedAt };
  }

  private async queue(tenantId: string, restoreId: string): Promise<void> {
    await this.options.scheduler.runNow<RestoreJobData>(restoreRunJobName, { tenantId, restoreId });
  }

  get(tenantId: string, restoreId: string): Promise<RestoreRequest | null> {
    return this.requests.findOne(tenantId, { restoreId }, { projection: { _id: 0 } });
  }

  list(tenantId: string, limit = 50): Promise<RestoreRequest[]> {
    return this.requests.find(tenantId, {}, { sort: { requestedAt: -1 }, limit, projection: { _id: 0 } }).toArray();
  }

  /** Each item's outcome, in restore order; filter by state to list failures or what differs. */
  itemResults(
    tenantId: string,
    restoreId: string,
    filter: { state?: ItemState; limit?: number; skip?: number } = {},
  ): Promise<RestoreItem[]> {
    return this.items
      .find(
        tenantId,
        { restoreId, ...(filter.state && { state: filter.state }) },
        { sort: { seq: 1 }, limit: filter.limit ?? 500, skip: filter.skip ?? 0, projection: { _id: 0 } },
      )
      .toArray();
  }

  /**
   * Queues again every restore left running by a worker that stopped (call at start-up). The job waits for the
   * stopped worker's lease to expire before it continues.
   */
  async resumeInterrupted(tenantId: string): Promise<string[]> {
    const running = await this.requests.find(tenantId, { status: { $in: ['queued', 'running'] } }).toArray();
    for (const request of running) await this.queue(tenantId, request.restoreId);
    return running.map((request) => request.restoreId);
  }

  /** Stops this worker's restores at their next durable step, leaving them for another worker to resume. */
  halt(): void {
    this.halted = true;
  }

  private async process({ tenantId, restoreId }: RestoreJobData): Promise<void> {
    if (this.halted) return;
    const request = await this.requests.findOne(tenantId, { restoreId });
    if (!request || (request.status !== 'queued' && request.status !== 'running')) return;
    const lease = await this.leases.acquire(tenantId, 'restore', restoreId);
    if (!lease) {
      await this.retryLater(tenantId, restoreId, this.leaseMs / 2);
      return;
    }
    let current: RestoreRequest = request;
    try {
      if (current.status === 'queued') current = await this.plan(current);
      const progress = await runRestoreItems(current, {
        db: this.options.db,
        store: this.options.store,
        graph: await this.options.graphFor(tenantId),
        pacer: this.pacer,
        fileChunkBytes: this.options.fileChunkBytes ?? 10 * 320 * 1024,
        restoreLease: lease,
        mailboxLeases: this.leases,
        heartbeatMs: this.leaseMs / 3,
        items: this.items,
        saveProgress: (next) => this.saveProgress(tenantId, restoreId, next),
        checkpoint: () => {
          if (this.halted) throw new RestoreHalted();
        },
      });
      await this.finish(current, progress, null);
    } catch (error) {
      // Halted: the lease is left to expire, as a crashed worker's would.
      if (error instanceof RestoreHalted) return;
      if (error instanceof TargetBusy) {
        await lease.release();
        await this.retryLater(tenantId, restoreId, this.options.retryDelayMs ?? 30_000);
        return;
      }
      if ((error as Error).name === 'LeaseLostError') return;
      await this.finish(current, current.progress, error instanceof Error ? error.message : String(error));
    }
    await lease.release();
  }

  /** Resolves the selection into one item per version. Inserting under a unique key makes a repeat harmless. */
  private async plan(request: RestoreRequest): Promise<RestoreRequest> {
    const { tenantId, restoreId } = request;
    const versions = await resolveSelection(this.options.db, new Catalog(this.options.db, tenantId), request.selection);
    const items: RestoreItem[] = versions.map((version, seq) => ({
      tenantId,
      restoreId,
      seq,
      versionId: (version as { _id?: { toHexString(): string } })._id!.toHexString(),
      resourceId: version.resourceId,
      kind: version.kind,
      name: version.name,
      containerPath: version.containerPath,
      state: 'pending',
      marker: `${restoreId}/${seq}`,
    }));
    for (let start = 0; start < items.length; start += 500) {
      try {
        await this.items.insertMany(tenantId, items.slice(start, start + 500));
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const update = { status: 'running' as const, startedAt: new Date(), progress: emptyProgress(items.length) };
    await this.requests.updateOne(tenantId, { restoreId }, { $set: update });
    return { ...request, ...update };
  }

  private async saveProgress(tenantId: string, restoreId: string, progress: RestoreProgress): Promise<void> {
    await this.requests.updateOne(tenantId, { restoreId }, { $set: { progress: { ...progress } } });
  }

  private async finish(request: RestoreRequest, progress: RestoreProgress, error: string | null): Promise<void> {
    const { tenantId, restoreId, requestedBy } = request;
    const failedWhole = error !== null || (progress.total > 0 && progress.failed === progress.total);
    const status = failedWhole ? 'failed' : 'completed';
    const reason = error ?? (failedWhole ? 'no item could be restored' : null);
    await this.requests.updateOne(
      tenantId,
      { restoreId },
      { $set: { status, progress: { ...progress }, finishedAt: new Date(), error: reason } },
    );
    const dedupKey = `restore:${restoreId}`;
    if (status === 'failed') {
      await this.options.events.emit(
        tenantId,
        'restore.failed',
        { restoreId, requestedBy, reason: reason ?? '' },
        dedupKey,
      );
    } else {
      const { restored, skipped, failed, verified, mismatched } = progress;
      await this.options.events.emit(
        tenantId,
        'restore.completed',
        { restoreId, requestedBy, restored, skipped, failed, verified, mismatched },
        dedupKey,
      );
    }
  }

  private async retryLater(tenantId: string, restoreId: string, delayMs: number): Promise<void> {
    await this.options.scheduler.runAt<RestoreJobData>(new Date(Date.now() + delayMs), restoreRunJobName, {
      tenantId,
      restoreId,
    });
  }
}
