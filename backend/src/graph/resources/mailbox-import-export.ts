import type { ResourceKey } from '../resource.js';
import { GraphRequestError } from '../errors.js';
import { userPath } from './user-path.js';

/**
 * Microsoft Graph's mailbox import/export API (v1.0): the only Graph path that gives an Exchange item back with every
 * header, MIME part and property it had. Items are exported as opaque full-fidelity streams (never parsed here) and
 * re-imported, into the same or another mailbox, through a pre-authenticated import session.
 * https://learn.microsoft.com/graph/api/resources/mailbox-import-export-api-overview
 */

/** Enough of the Graph gateway to call this API. */
export interface MailboxApiClient {
  getJson<T>(path: string, options: { resource: ResourceKey }): Promise<T>;
  sendJson<T>(
    method: 'POST',
    path: string,
    body: unknown,
    options: { resource: ResourceKey; idempotent?: boolean; anonymous?: boolean },
  ): Promise<T>;
}

/** "You can export up to 20 items in a single export request." (learn.microsoft.com/graph/api/mailbox-exportitems) */
export const exportItemsLimit = 20;

/** The application permission that allows both export and import (learn.microsoft.com/graph/api/mailbox-createimportsession). */
export const importExportPermission = 'MailboxItem.ImportExport.All';

/** A mailbox item as `exportItems` gave it back: its opaque stream, or why Exchange did not export it. */
export type ExportedItem =
  | { itemId: string; changeKey: string | undefined; data: Buffer }
  | { itemId: string; error: { code: string; message: string } };

interface ExportItemResponse {
  itemId: string;
  changeKey?: string;
  data?: string;
  error?: { code?: string; message?: string };
  /** Spelled with a capital E in the documentation's only example of a per-item error. */
  Error?: { code?: string; message?: string };
}

/** The user's Exchange settings, which name the primary mailbox. */
export function exchangeSettingsPath(userId: string): string {
  return `${userPath(userId)}/settings/exchange`;
}

/**
 * The id of a user's primary mailbox: the mailbox API addresses mailboxes by it, not by user.
 * https://learn.microsoft.com/graph/api/usersettings-list-exchange
 */

export async function primaryMailboxId(graph: MailboxApiClient, userId: string): Promise<string> {
  const settings = await graph.getJson<{ primaryMailboxId?: string }>(exchangeSettingsPath(userId), {
    resource: { kind: 'mailbox', userId },
  });
  if (!settings.primaryMailboxId) throw new Error(`Graph gave no primary mailbox id for user ${userId}`);
  return settings.primaryMailboxId;
}

/**
 * Exports up to 20 items of one mailbox in full fidelity. The answer is 200 even when some items failed: each of
 * those carries an error instead of data. https://learn.microsoft.com/graph/api/mailbox-exportitems
 */
export async function exportItems(
  graph: MailboxApiClient,
  mailbox: { mailboxId: string; userId: string },
  itemIds: readonly string[],
): Promise<ExportedItem[]> {
  if (itemIds.length > exportItemsLimit) throw new RangeError(`exportItems takes at most ${exportItemsLimit} ids`);
  const answer = await graph.sendJson<{ value?: ExportItemResponse[] }>(
    'POST',
    `/admin/exchange/mailboxes/${encodeURIComponent(mailbox.mailboxId)}/exportItems`,
    { itemIds },
    { resource: { kind: 'mailbox', userId: mailbox.userId }, idempotent: true },
  );
  return (answer.value ?? []).map((entry) => {
    const error = entry.error ?? entry.Error;
    if (entry.data === undefined || error) {
      return {
        itemId: entry.itemId,
        error: { code: error?.code ?? 'NoData', message: error?.message ?? 'Exchange exported no data for this item' },
      };
    }
    return { itemId: entry.itemId, changeKey: entry.changeKey, data: Buffer.from(entry.data, 'base64') };
  });
}

/** Whether Graph refused a call of this API because the tenant has not consented to its permission. */
export function isPermissionMissing(error: unknown): boolean {
  return error instanceof GraphRequestError && (error.status === 403 || error.status === 401);
}

interface ImportSession {
  importUrl: string;
  expiresAt: number;
}

/** A session is renewed this long before Graph says it expires, so that no upload races its expiry. */
const renewBeforeMs = 2 * 60_000;

/**
 * Imports exported streams into mailboxes, one import session per target mailbox, renewed before it expires.
 * https://learn.microsoft.com/graph/api/mailbox-createimportsession, /graph/import-exchange-mailbox-item
 */
export class MailboxImporter {
  private readonly sessions = new Map<string, Promise<ImportSession>>();
  private readonly mailboxIds = new Map<string, Promise<string>>();

  constructor(
    private readonly graph: MailboxApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Creates the item in `folderId` of the user's primary mailbox as a normal item, or with `replacing` writes it over
   * that item of the folder (import mode `update`, which keeps the item's id); returns the item's id.
   */
  async importItem(
    userId: string,
    folderId: string,
    data: Buffer,
    replacing?: { itemId: string; changeKey: string },
  ): Promise<{ itemId: string; changeKey?: string }> {
    const session = await this.session(userId);
    const body = {
      FolderId: folderId,
      Mode: replacing ? 'update' : 'create',
      ...(replacing && { ItemId: replacing.itemId, ChangeKey: replacing.changeKey }),
      Data: data.toString('base64'),
    };
    // The URL carries its own token: no Authorization header (learn.microsoft.com/graph/import-exchange-mailbox-item).
    const created = await this.graph.sendJson<{ itemId?: string; changeKey?: string }>(
      'POST',
      session.importUrl,
      body,
      { resource: { kind: 'mailbox', userId }, anonymous: true },
    );
    if (!created.itemId) throw new Error('the import session answered without the new item id');
    return { itemId: created.itemId, ...(created.changeKey && { changeKey: created.changeKey }) };
  }

  /**
   * A well-known folder's id (`contacts`, `calendar`, `inbox`...) from the mailbox's folder list, where Graph's other
   * APIs cannot tell it: the default Contacts folder's id is not listed by `/contactFolders`, and read from a contact
   * only while the folder holds one. https://learn.microsoft.com/graph/api/mailbox-list-folders (wellKnownName)
   */
  async wellKnownFolderId(userId: string, wellKnownName: string): Promise<string> {
    const mailboxId = await this.mailboxOf(userId);
    const filter = encodeURIComponent(`wellKnownName eq '${wellKnownName}'`);
    const folders = await this.graph.getJson<{ value?: { id: string }[] }>(
      `/admin/exchange/mailboxes/${encodeURIComponent(mailboxId)}/folders?$filter=${filter}&$select=id,wellKnownName`,
      { resource: { kind: 'mailbox', userId } },
    );
    const id = folders.value?.[0]?.id;
    if (!id) throw new Error(`the mailbox of ${userId} lists no folder named ${wellKnownName}`);
    return id;
  }

  /** The user's primary mailbox id, asked once per importer. */
  mailboxOf(userId: string): Promise<string> {
    let id = this.mailboxIds.get(userId);
    if (!id) {
      id = primaryMailboxId(this.graph, userId);
      this.mailboxIds.set(userId, id);
      id.catch(() => this.mailboxIds.delete(userId));
    }
    return id;
  }

  private async session(userId: string): Promise<ImportSession> {
    const current = this.sessions.get(userId);
    if (current) {
      const session = await current.catch(() => undefined);
      if (session && session.expiresAt - renewBeforeMs > this.now()) return session;
    }
    const created = this.createSession(userId);
    this.sessions.set(userId, created);
    created.catch(() => this.sessions.delete(userId));
    return created;
  }

  private async createSession(userId: string): Promise<ImportSession> {
    const mailboxId = await this.mailboxOf(userId);
    const session = await this.graph.sendJson<{ importUrl?: string; expirationDateTime?: string }>(
      'POST',
      `/admin/exchange/mailboxes/${encodeURIComponent(mailboxId)}/createImportSession`,
      undefined,
      { resource: { kind: 'mailbox', userId } },
    );
    if (!session.importUrl || !session.expirationDateTime)
      throw new Error('createImportSession answered without importUrl or expirationDateTime');
    return { importUrl: session.importUrl, expiresAt: Date.parse(session.expirationDateTime) };
  }
}
