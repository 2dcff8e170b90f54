import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Db } from 'mongodb';
import { Catalog, type ProtectedResource } from '../catalog/index.js';
import type { TenantCollection } from '../db/index.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { ContentStore } from '../store/index.js';
import { exportsCollection } from './collections.js';
import type { ExportRecord } from './export-model.js';
import { ExportItemBroken, writeSelectionZip, type ExportItemFailure } from './export-zip.js';
import { safeFileName } from '../restore-model/safe-name.js';
import type { RestoreSelection } from '../restore-model/model.js';
import { resolveSelection } from './selection.js';

export const restoreExportJobName = 'restore-export';

export interface ExportServiceOptions {
  db: Db;
  scheduler: Scheduler;
  store: ContentStore;
  /** Where finished ZIPs wait for their download. */
  directory: string;
  /** How long a download link works; 24 hours by default. */
  linkLifetimeMs?: number;
}

interface ExportJobData {
  tenantId: string;
  exportId: string;
  selection: RestoreSelection;
}

/**
 * Exports: a selection streamed as a ZIP straight to a writable (the browser), or, for large ones, written by the
 * `restore-export` job to a file that a secret token downloads until the link expires.
 */
export class ExportService {
  private readonly exports: TenantCollection<ExportRecord>;

  constructor(private readonly options: ExportServiceOptions) {
    this.exports = exportsCollection.scoped(options.db);
    options.scheduler.define<ExportJobData>(restoreExportJobName, (data) => this.build(data), { concurrency: 1 });
  }

  /** Streams the selection as a ZIP into `output` now. */
  async streamZip(
    tenantId: string,
    selection: RestoreSelection,
    output: Writable,
    skip?: ReadonlyMap<string, ExportItemFailure>,
  ): Promise<{ items: number; failures: ExportItemFailure[] }> {
    const catalog = new Catalog(this.options.db, tenantId);
    const versions = await resolveSelection(this.options.db, catalog, selection);
    const resources = new Map<string, ProtectedResource>();
    for (const resourceId of new Set(versions.map((version) => version.resourceId))) {
      const resource = await catalog.resource(resourceId);
      if (resource) resources.set(resourceId, resource);
    }
    return writeSelectionZip(
      { tenantId, store: this.options.store, versions, resources, ...(skip && { skip }) },
      output,
    );
  }

  /** Queues a background export; its record carries the download token once it is ready. */
  async requestExport(tenantId: string, requestedBy: string, selection: RestoreSelection): Promise<ExportRecord> {
    const record: ExportRecord = {
      tenantId,
      exportId: randomUUID(),
      requestedBy,
      status: 'queued',
      items: 0,
      bytes: 0,
      token: randomBytes(32).toString('base64url'),
      expiresAt: new Date(Date.now() + (this.options.linkLifetimeMs ?? 24 * 3_600_000)),
      filePath: null,
      requestedAt: new Date(),
      finishedAt: null,
      error: null,
      failures: [],
    };
    await this.exports.insertOne(tenantId, record);
    await this.options.scheduler.runNow<ExportJobData>(restoreExportJobName, {
      tenantId,
      exportId: record.exportId,
      selection,
    });
    return record;
  }

  get(tenantId: string, exportId: string): Promise<ExportRecord | null> {
    return this.exports.findOne(tenantId, { exportId }, { projection: { _id: 0 } });
  }

  /** The ready export a download token names, or null when the token is unknown, not ready or expired. */
  async findDownload(tenantId: string, token: string): Promise<(ExportRecord & { filePath: string }) | null> {
    const record = await this.exports.findOne(tenantId, { token });
    if (!record || record.status !== 'ready' || !record.filePath) return null;
    if (record.expiresAt.getTime() <= Date.now()) {
      await rm(record.filePath, { force: true });
      return null;
    }
    return { ...record, filePath: record.filePath };
  }

  /** The ZIP behind a download token, or null when the token is unknown, not ready or expired. */
  async openDownload(
    tenantId: string,
    token: string,
  ): Promise<{ stream: Readable; fileName: string; bytes: number } | null> {
    const record = await this.findDownload(tenantId, token);
    if (!record) return null;
    return {
      stream: createReadStream(record.filePath),
      fileName: `custodia-export-${record.exportId}.zip`,
      bytes: record.bytes,
    };
  }

  private async build({ tenantId, exportId, selection }: ExportJobData): Promise<void> {
    const record = await this.exports.findOne(tenantId, { exportId });
    if (!record || record.status === 'ready') return;
    await this.exports.updateOne(tenantId, { exportId }, { $set: { status: 'running' } });
    await mkdir(this.options.directory, { recursive: true });
    const filePath = join(this.options.directory, safeFileName(`${tenantId}-${exportId}`, 'zip', exportId));
    // An item whose content breaks halfway cannot be taken out of a ZIP already written: the file is written again
    // without it, so one bad item costs one more pass, never the whole export.
    const skip = new Map<string, ExportItemFailure>();
    try {
      for (;;) {
        const file = createWriteStream(filePath);
        try {
          const { items, failures } = await this.streamZip(tenantId, selection, file, skip);
          await this.exports.updateOne(
            tenantId,
            { exportId },
            {
              $set: { status: 'ready', items, failures, bytes: file.bytesWritten, filePath, finishedAt: new Date() },
            },
          );
          return;
        } catch (error) {
          if (!(error instanceof ExportItemBroken) || skip.has(error.failure.versionId)) throw error;
          skip.set(error.failure.versionId, error.failure);
        }
      }
    } catch (error) {
      await rm(filePath, { force: true });
      const message = error instanceof Error ? error.message : String(error);
      await this.exports.updateOne(
        tenantId,
        { exportId },
        { $set: { status: 'failed', error: message, finishedAt: new Date() } },
      );
    }
  }
}
