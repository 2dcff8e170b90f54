import type { NewItemVersion } from '../../catalog/index.js';
import { mapWithConcurrency } from '../../backup-unit/concurrency.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import {
  exportItems,
  exportItemsLimit,
  GraphRequestError,
  isPermissionMissing,
  primaryMailboxId,
} from '../../graph/index.js';

/**
 * Items per export request are also bounded by their size, so that one answer (base64 inside JSON) stays small:
 * a 30 MB message is exported alone.
 */
const exportBatchBytes = 16 * 1024 * 1024;
/** Export requests in flight per mailbox, beside the content reads (Graph allows four per app and mailbox). */
const exportConcurrency = 4;

/**
 * Adds Exchange's full-fidelity export stream to each new Exchange version of one mailbox (`exportItems`, 20 ids per
 * request, a partial one filled with items a later page is likely to store: offerAhead), stored beside the MIME or
 * JSON that browse, search and export read. When the tenant has not consented to the mailbox import/export API, the
 * unit says so once and backs up without it (restores then use JSON creation). Assumes, as Microsoft's examples show,
 * that mailboxItem ids are the Outlook item ids of the same mailbox; an item Exchange does not export is reported and
 * keeps only its MIME or JSON.
 */
export class FullFidelityExporter {
  /** The mailbox id in use, and whether it was remembered from an earlier run rather than read in this one. */
  private mailboxId: { id: Promise<string>; remembered: boolean } | undefined;
  /** The remembered id was refused as gone in this unit: it is not used again. */
  private rememberedGone = false;
  private refused = false;
  /** Items a later page of this unit is likely to store (pages sent ahead), by id, in the order offered. */
  private readonly upcoming = new Map<string, { mayBeLarge: boolean }>();
  /** Streams exported ahead with another page's last, partial request, until their own page asks for them. */
  private readonly exportedAhead = new Map<string, { changeKey: string; data: Buffer }>();

  constructor(
    private readonly context: UnitContext,
    private readonly userId: string,
  ) {}

  /**
   * Items that a page still to come is likely to store: their ids fill the free places of a partial export request,
   * so that a mailbox's requests carry 20 ids across its folders (exportItems takes "up to 20 items in a single export
   * request" of one mailbox and asks nothing of their folders: learn.microsoft.com/graph/api/mailbox-exportitems).
   * A stream exported ahead is kept with the change key Exchange gave and serves only that very version; one its page
   * does not store (a replay, an unreadable item) is dropped by forgetAhead. `mayBeLarge`: the size is unknown and
   * may be large (a message with attachments); at most one such item rides in a request, and only in a small one.
   */
  offerAhead(items: readonly { id: string; mayBeLarge: boolean }[]): void {
    if (this.refused) return;
    for (const item of items)
      if (!this.exportedAhead.has(item.id)) this.upcoming.set(item.id, { mayBeLarge: item.mayBeLarge });
  }

  /** Sets `fullFidelity` on the versions Exchange exported; the rest are left as they are (and reported). */
  async addStreams(versions: readonly NewItemVersion[]): Promise<void> {
    if (this.refused || versions.length === 0) return;
    try {
      const toExport: NewItemVersion[] = [];
      for (const version of versions) {
        this.upcoming.delete(version.graphId);
        const ahead = this.exportedAhead.get(version.graphId);
        this.exportedAhead.delete(version.graphId);
        if (ahead?.changeKey === version.versionKey)
          version.fullFidelity = await this.context.store.put(this.context.tenantId, ahead.data, 'item');
        else toExport.push(version);
      }
      if (toExport.length === 0) return;
      const batches = batchesOf(toExport);
      await mapWithConcurrency(batches, exportConcurrency, (batch) => {
        const fillers = batch === batches.at(-1) ? this.fillers(batch) : [];
        return this.withMailbox((mailboxId) => this.exportBatch(mailboxId, batch, fillers));
      });
    } catch (error) {
      if (!isPermissionMissing(error)) throw error;
      this.refused = true;
      this.upcoming.clear();
      this.exportedAhead.clear();
      this.context.progress.warn({ code: 'full_fidelity_not_permitted', params: {} });
    }
  }

  /**
   * Upcoming ids for the free places of a partial request, taken out of the upcoming list: items of unknown, possibly
   * large size only one to a request and only beside half the byte bound, so the answer stays within about one
   * large message of what the request alone would bring (a request at its bound takes none).
   */
  private fillers(batch: readonly NewItemVersion[]): string[] {
    const bytes = batch.reduce((sum, version) => sum + version.size, 0);
    if (batch.length >= exportItemsLimit || bytes > exportBatchBytes) return [];
    let roomForLarge = bytes <= exportBatchBytes / 2;
    const ids: string[] = [];
    for (const [id, { mayBeLarge }] of this.upcoming) {
      if (batch.length + ids.length === exportItemsLimit) break;
      if (mayBeLarge) {
        if (!roomForLarge) continue;
        roomForLarge = false;
      }
      ids.push(id);
    }
    for (const id of ids) this.upcoming.delete(id);
    return ids;
  }

  private async exportBatch(
    mailboxId: string,
    batch: readonly NewItemVersion[],
    fillers: readonly string[],
  ): Promise<void> {
    const byId = new Map(batch.map((version) => [version.graphId, version]));
    const exported = await exportItems(this.context.graph, { mailboxId, userId: this.userId }, [
      ...byId.keys(),
      ...fillers,
    ]);
    // Stored together: the store answers "is this blob there?" for all of them in one database round trip.
    await Promise.all(
      exported.map(async (item) => {
        const version = byId.get(item.itemId);
        if (!version) {
          // An upcoming item: its own page reports it (or exports it again when Exchange did not, or it changed).
          if (!('error' in item) && item.changeKey !== undefined)
            this.exportedAhead.set(item.itemId, { changeKey: item.changeKey, data: item.data });
          return;
        }
        if ('error' in item) {
          this.context.progress.warn(
            { code: 'item_not_full_fidelity', params: { name: version.name, code: item.error.code } },
            version.graphId,
          );
          return;
        }
        version.fullFidelity = await this.context.store.put(this.context.tenantId, item.data, 'item');
      }),
    );
  }

  /** Forgets items offered ahead that no page stored (read failures): their streams are not kept past the mail. */
  forgetAhead(): void {
    this.upcoming.clear();
    this.exportedAhead.clear();
  }

  /**
   * Runs requests addressed by the mailbox id. A remembered id (ProtectedResource.mailboxId) that Graph refuses as
   * gone (404 ErrorNonExistentMailbox, or 410) is read again from the user's Exchange settings, once, and the
   * requests run again with the new one: a mailbox recreated or moved keeps being backed up without a lost change.
   */
  async withMailbox<T>(use: (mailboxId: string) => Promise<T>): Promise<T> {
    const used = this.current();
    const mailboxId = await used.id;
    try {
      return await use(mailboxId);
    } catch (error) {
      if (!used.remembered || !(error instanceof GraphRequestError) || (error.status !== 404 && error.status !== 410))
        throw error;
      if (this.mailboxId === used) {
        this.rememberedGone = true;
        this.mailboxId = undefined;
      }
      return use(await this.current().id);
    }
  }

  /**
   * The user's primary mailbox id: the one remembered from an earlier run (the id of a user's primary mailbox does
   * not change while the mailbox lives), else read once per unit (https://learn.microsoft.com/graph/api/
   * usersettings-list-exchange) and remembered for the next runs.
   */
  private current(): { id: Promise<string>; remembered: boolean } {
    if (this.mailboxId) return this.mailboxId;
    const remembered = this.rememberedGone ? undefined : this.context.resource.mailboxId;
    const current =
      remembered !== undefined
        ? { id: Promise.resolve(remembered), remembered: true }
        : { id: this.readMailboxId(), remembered: false };
    current.id.catch(() => {
      if (this.mailboxId === current) this.mailboxId = undefined;
    });
    this.mailboxId = current;
    return current;
  }

  private async readMailboxId(): Promise<string> {
    const mailboxId = await primaryMailboxId(this.context.graph, this.userId);
    if (mailboxId !== this.context.resource.mailboxId)
      await this.context.catalog.rememberMailboxId(this.context.resource.resourceId, mailboxId);
    return mailboxId;
  }
}

/** Consecutive versions, at most 20 per request and about 16 MB of content (one larger item goes alone). */
function batchesOf(versions: readonly NewItemVersion[]): NewItemVersion[][] {
  const batches: NewItemVersion[][] = [];
  let current: NewItemVersion[] = [];
  let bytes = 0;
  for (const version of versions) {
    if (current.length === exportItemsLimit || (current.length > 0 && bytes + version.size > exportBatchBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(version);
    bytes += version.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const exporters = new WeakMap<UnitContext, FullFidelityExporter>();

/** The unit's one exporter: mail, contacts and calendar of a mailbox share its mailbox id and its consent answer. */
export function fullFidelityExporter(context: UnitContext, userId: string): FullFidelityExporter {
  let exporter = exporters.get(context);
  if (!exporter) exporters.set(context, (exporter = new FullFidelityExporter(context, userId)));
  return exporter;
}
