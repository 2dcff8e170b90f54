import { joinFolderPath } from '../../catalog/index.js';
import {
  defaultContactFolderName,
  outlookFolderLevel,
  type GraphGateway,
  type GraphMailFolder,
  type OutlookFolderCollection,
} from '../../graph/index.js';
import { isGraphStatus } from '../../restore-model/outcome.js';

/** A mail or contact folder as its level lists it. */
type FolderEntry = Pick<GraphMailFolder, 'id' | 'displayName'>;

/**
 * Finds or creates mail (or contact) folders by display-name path (`Posta in arrivo/Progetti/2026`) in one mailbox,
 * remembering what it found so that a restore of many items lists each level once. Mail paths start at the top of
 * the mailbox; contact paths start inside the default Contacts folder (the empty path), where every contact folder
 * Graph exposes lives: their first level is listed and created by `/users/{id}/contactFolders`, which holds the
 * default folder's child folders.
 * https://learn.microsoft.com/graph/api/user-post-mailfolders, /graph/api/mailfolder-post-childfolders
 */
export class MailFolderPaths {
  private readonly known = new Map<string, Promise<string>>();

  constructor(
    private readonly graph: GraphGateway,
    private readonly userId: string,
    private readonly collection: OutlookFolderCollection = 'mailFolders',
  ) {}

  /** The id of the folder at `path`, created (with its parents) where missing. */
  ensure(path: readonly string[]): Promise<string> {
    if (path.length === 0)
      return Promise.resolve(this.collection === 'mailFolders' ? 'inbox' : defaultContactFolderName);
    const key = joinFolderPath(path);
    let id = this.known.get(key);
    if (!id) {
      id = this.create(path);
      this.known.set(key, id);
      id.catch(() => this.known.delete(key));
    }
    return id;
  }

  private async create(path: readonly string[]): Promise<string> {
    const name = path[path.length - 1] as string;
    // A first-level folder is listed and created at the top: of the mailbox, or inside the default Contacts folder.
    const parentId = path.length > 1 ? await this.ensure(path.slice(0, -1)) : undefined;
    const listing = outlookFolderLevel(this.userId, this.collection, parentId);
    const existing = await this.find(listing, name);
    if (existing) return existing;
    try {
      const created = await this.graph.sendJson<FolderEntry>(
        'POST',
        listing,
        { displayName: name },
        { resource: this.resource },
      );
      return created.id;
    } catch (error) {
      // Another writer created it meanwhile: use theirs.
      const raced = isGraphStatus(error, 409) ? await this.find(listing, name) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  private async find(listing: string, name: string): Promise<string | undefined> {
    const wanted = name.toLocaleLowerCase();
    const hidden = this.collection === 'mailFolders' ? '&includeHiddenFolders=true' : '';
    const query = `${listing}?$select=id,displayName${hidden}`;
    for await (const page of this.graph.pages<FolderEntry>(query, { resource: this.resource, maxPageSize: 100 })) {
      const match = page.find((folder) => folder.displayName.toLocaleLowerCase() === wanted);
      if (match) return match.id;
    }
    return undefined;
  }

  private get resource() {
    return { kind: 'mailbox', userId: this.userId } as const;
  }
}
