import { isPermissionMissing, MailboxImporter, type MailboxApiClient } from '../../graph/index.js';

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

  /** Imports the stream into the folder as a normal item: its new id, or null when the tenant has not consented. */
  async importInto(userId: string, folderId: string, stream: Buffer): Promise<string | null> {
    if (this.refused) return null;
    try {
      return (await this.importer.importItem(userId, folderId, stream)).itemId;
    } catch (error) {
      if (!isPermissionMissing(error)) throw error;
      this.refused = true;
      return null;
    }
  }
}
