import { ObjectId, type Db, type Filter } from 'mongodb';
import { Catalog, VersionReads, type ItemVersion, type ProtectedResource } from '../catalog/index.js';
import type { TenantCollection } from '../db/index.js';
import { readUserDriveId, type GraphGateway } from '../graph/index.js';
import type { ContentStore } from '../store/index.js';
import { FileWriter } from '../workloads/files/restore-file.js';
import { MailWriter } from '../workloads/exchange/restore-mail.js';
import { FullFidelityImport } from '../workloads/exchange/restore-import.js';
import { ContactWriter } from '../workloads/exchange/restore-contact.js';
import { EventWriter } from '../workloads/exchange/restore-event.js';
import type { UnitLease, UnitLeases } from '../backup/unit-lease.js';
import type { ItemWriter, RestoreWriteContext } from '../workloads/item-writer.js';
import { TaskNoteWriter } from '../workloads/exchange/restore-task-note.js';
import type { RestoreItem, RestoreProgress, RestoreRequest } from '../restore-model/model.js';
import { reasonOf } from '../restore-model/outcome.js';
import { countOutcome, emptyProgress } from './restore-progress.js';
import { targetLocation, type TargetLocation } from '../restore-model/target-location.js';
import type { UploadPacer } from '../restore-model/upload-pacer.js';

/** The restore was stopped on purpose (shutdown, or a test simulating a crash) between two durable steps. */
export class RestoreHalted extends Error {
  constructor() {
    super('the restore worker was stopped');
    this.name = 'RestoreHalted';
  }
}

/** Another worker writes into the target mailbox right now: the restore waits its turn. */
export class TargetBusy extends Error {
  constructor(target: string) {
    super(`another worker is writing into ${target}`);
    this.name = 'TargetBusy';
  }
}

export interface RunnerDependencies {
  db: Db;
  store: ContentStore;
  graph: GraphGateway;
  pacer: UploadPacer;
  fileChunkBytes: number;
  restoreLease: UnitLease;
  mailboxLeases: UnitLeases;
  /** How often the held leases are renewed while one item is being written (a 30 MB message takes a while). */
  heartbeatMs: number;
  items: TenantCollection<RestoreItem>;
  saveProgress(progress: RestoreProgress): Promise<void>;
  /** Throws RestoreHalted when the worker is being stopped. */
  checkpoint(): void;
}

const versionBatch = 200;
/** Items still to do: not yet written, in doubt, or written by a worker that died before it read them back. */
const openItems: Filter<RestoreItem> = {
  $or: [{ state: { $in: ['pending', 'writing'] } }, { state: 'restored', verified: { $exists: false } }],
};
const itemKindsWithWriters = new Set(['message', 'file', 'contact', 'event', 'task', 'note']);

/**
 * Processes a restore's open items in order, one at a time: each item's intent is recorded before Graph is written
 * and its outcome right after, so a worker that takes over after a crash repeats at most the one item in doubt,
 * which the writers find and never duplicate. Restored items are read back and verified.
 */
export async function runRestoreItems(request: RestoreRequest, deps: RunnerDependencies): Promise<RestoreProgress> {
  const { tenantId, restoreId } = request;
  const catalog = new Catalog(deps.db, tenantId);
  const progress = await progressSoFar(deps.items, tenantId, restoreId, request.progress.total);
  const context: RestoreWriteContext = {
    tenantId,
    graph: deps.graph,
    store: deps.store,
    conflictPolicy: request.conflictPolicy,
    pacer: deps.pacer,
    fileChunkBytes: deps.fileChunkBytes,
    fullFidelity: new FullFidelityImport(deps.graph),
  };
  const tasksAndNotes = new TaskNoteWriter(context);
  const writers: Record<string, ItemWriter> = {
    message: new MailWriter(context),
    file: new FileWriter(context),
    contact: new ContactWriter(context),
    event: new EventWriter(context),
    task: tasksAndNotes,
    note: tasksAndNotes,
  };
  const resources = new Map<string, ProtectedResource | null>();
  const drives = new Map<string, string>();
  const heldMailboxes = new Map<string, UnitLease>();
  let leaseLost: unknown = null;
  const heartbeat = setInterval(() => {
    for (const lease of [deps.restoreLease, ...heldMailboxes.values()]) {
      lease.renew().catch((error: unknown) => {
        leaseLost ??= error;
      });
    }
  }, deps.heartbeatMs);

  try {
    const open = await deps.items.find(tenantId, { restoreId, ...openItems }, { sort: { seq: 1 } }).toArray();
    for (let start = 0; start < open.length; start += versionBatch) {
      const batch = open.slice(start, start + versionBatch);
      const versions = await versionsById(deps.db, tenantId, batch);
      for (const item of batch) {
        deps.checkpoint();
        await deps.restoreLease.renew();
        const version = versions.get(item.versionId);
        const finished = await processItem(item, version);
        if (leaseLost) throw leaseLost;
        countOutcome(progress, finished);
        await deps.saveProgress(progress);
      }
    }
  } finally {
    clearInterval(heartbeat);
    for (const lease of heldMailboxes.values()) await lease.release().catch(() => undefined);
  }
  return progress;

  async function processItem(item: RestoreItem, version: ItemVersion | undefined): Promise<RestoreItem> {
    const finish = async (patch: Partial<RestoreItem>): Promise<RestoreItem> => {
      await deps.items.updateOne(
        tenantId,
        { restoreId, seq: item.seq },
        { $set: { ...patch, finishedAt: new Date() } },
      );
      return { ...item, ...patch };
    };
    if (!version?.content) {
      return finish({
        state: 'failed',
        reason: { en: 'the backup of this item no longer exists', it: 'il backup di questo elemento non esiste più' },
      });
    }
    if (item.state === 'restored' && item.createdId) return verify(item, version, item.createdId);
    if (!itemKindsWithWriters.has(item.kind)) {
      return finish({
        state: 'exportOnly',
        reason: {
          en: 'Microsoft Graph cannot write this kind of item back as it was (Teams messages cannot be posted as their authors): export it instead',
          it: 'Microsoft Graph non permette di riscrivere questo tipo di elemento com’era (i messaggi di Teams non possono essere pubblicati a nome dei loro autori): esportalo',
        },
      });
    }
    try {
      const location = await locate(version);
      if (location.kind === 'mailbox') await holdMailbox(location.id);
      const outcome = await writers[item.kind]!.write(item, version, location, async (intent) => {
        await deps.items.updateOne(tenantId, { restoreId, seq: item.seq }, { $set: { ...intent, state: 'writing' } });
        Object.assign(item, intent, { state: 'writing' });
      });
      // A worker stopped here has written the item but not its outcome: the one case resume must detect.
      deps.checkpoint();
      if (outcome.state === 'skipped') return finish({ state: 'skipped', reason: outcome.reason });
      const restored = await finish({
        state: 'restored',
        createdId: outcome.createdId,
        targetName: outcome.targetName,
        ...(outcome.restoredBy && { restoredBy: outcome.restoredBy }),
      });
      return verify(restored, version, outcome.createdId);
    } catch (error) {
      if (error instanceof RestoreHalted || error instanceof TargetBusy) throw error;
      if ((error as Error).name === 'LeaseLostError') throw error;
      return finish({ state: 'failed', reason: reasonOf(error) });
    }
  }

  async function verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<RestoreItem> {
    let patch: Pick<RestoreItem, 'verified' | 'differences'>;
    try {
      const result = await writers[item.kind]!.verify(item, version, createdId);
      patch = { verified: result.verified, differences: result.differences };
    } catch (error) {
      patch = { verified: false, differences: [`read-back failed: ${reasonOf(error).en}`] };
    }
    await deps.items.updateOne(tenantId, { restoreId, seq: item.seq }, { $set: patch });
    return { ...item, ...patch };
  }

  async function locate(version: ItemVersion): Promise<TargetLocation> {
    if (!resources.has(version.resourceId))
      resources.set(version.resourceId, await catalog.resource(version.resourceId));
    const source = resources.get(version.resourceId);
    if (!source) throw new Error(`the resource ${version.resourceId} is not in the catalog`);
    const location = targetLocation(source, version.containerPath, request.target, request.restoreFolderName);
    if (location.driveOwnerUserId === undefined) return location;
    return { ...location, id: await driveOf(location.driveOwnerUserId) };
  }

  async function driveOf(userId: string): Promise<string> {
    let driveId = drives.get(userId);
    if (!driveId) {
      drives.set(userId, (driveId = await readUserDriveId(deps.graph, userId)));
    }
    return driveId;
  }

  /** Mail is written into a mailbox only under its lease, as backups read it (the 4-in-flight rule is per process). */
  async function holdMailbox(userId: string): Promise<void> {
    const held = heldMailboxes.get(userId);
    if (held) return held.renew();
    const lease = await deps.mailboxLeases.acquire(tenantId, 'restore-target', `mailbox:${userId}`);
    if (!lease) throw new TargetBusy(`mailbox:${userId}`);
    heldMailboxes.set(userId, lease);
  }
}

async function progressSoFar(
  items: TenantCollection<RestoreItem>,
  tenantId: string,
  restoreId: string,
  total: number,
): Promise<RestoreProgress> {
  const progress = emptyProgress(total);
  const done = await items
    .find(tenantId, { restoreId, $nor: [openItems] }, { projection: { state: 1, verified: 1 } })
    .toArray();
  for (const item of done) countOutcome(progress, item);
  return progress;
}

async function versionsById(
  db: Db,
  tenantId: string,
  items: readonly RestoreItem[],
): Promise<Map<string, ItemVersion>> {
  const ids = items.map((item) => new ObjectId(item.versionId));
  const rows = await new VersionReads(db).byIds(tenantId, ids);
  return new Map(rows.map((row) => [row._id.toHexString(), row]));
}
