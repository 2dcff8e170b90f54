import type { ItemVersion } from '../../catalog/index.js';
import { isPermissionMissing, MailboxImporter, type MailboxApiClient } from '../../graph/index.js';
import type { RestoreWriteContext } from '../item-writer.js';

/**
 * Restores Exchange items from their full-fidelity export streams through import sessions, for one restore. When
 * Graph refuses the import permission, every later item of the restore takes the JSON path without asking again.
 */
export class FullFidelityImport {
  private readonly importer: MailboxImporter;
  private refused = false;

  constructor(graph: MailboxApiClient) {
    this.importer = new MailboxImporter(graph);
  }

  /** Whether this restore still tries the import path. */
  get available(): boolean {
    return !this.refused;
  }

  /** A well-known folder's id from the mailbox's folder list (the default Contacts folder, which nothing else names). */
  wellKnownFolderId(userId: string, wellKnownName: string): Promise<string> {
    return this.importer.wellKnownFolderId(userId, wellKnownName);
  }

  /** The user's primary mailbox id, as the mailbox API addresses it. */
  mailboxOf(userId: string): Promise<string> {
    return this.importer.mailboxOf(userId);
  }

  /**
   * Imports the stream into the folder as a normal item, or over the item `replacing` names: the item's id, or null
   * when the tenant has not consented.
   */
  async importInto(
    userId: string,
    folderId: string,
    stream: Buffer,
    replacing?: { itemId: string; changeKey: string },
  ): Promise<string | null> {
    if (this.refused) return null;
    try {
      return (await this.importer.importItem(userId, folderId, stream, replacing)).itemId;
    } catch (error) {
      if (!isPermissionMissing(error)) throw error;
      this.refused = true;
      return null;
    }
  }
}

/**
 * Full fidelity: Exchange re-creates the item from its export stream with every header, part and property
 * (https://learn.microsoft.com/graph/import-exchange-mailbox-item), paced like any upload into the mailbox. The new
 * item's id (`replacing`: written over that item, which keeps its id), or null when the version has no stream or the
 * tenant has not consented (the caller then uses JSON).
 */
export async function importFullFidelity(
  context: RestoreWriteContext,
  userId: string,
  version: ItemVersion,
  folderId: () => Promise<string>,
  replacing?: { itemId: string; changeKey: string },
): Promise<string | null> {
  if (!version.fullFidelity || !context.fullFidelity.available) return null;
  const stream = await context.store.read(context.tenantId, version.fullFidelity);
  await context.pacer.take(userId, Math.ceil((stream.length * 4) / 3));
  return context.fullFidelity.importInto(userId, await folderId(), stream, replacing);
}
