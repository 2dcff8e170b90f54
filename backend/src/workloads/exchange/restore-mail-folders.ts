import type { GraphGateway } from '../../graph/index.js';
import { isGraphStatus } from '../../restore/outcome.js';

interface FolderEntry {
  id: string;
  displayName: string;
}

/**
 * Finds or creates mail folders by display-name path (`Posta in arrivo/Progetti/2026`) in one mailbox, remembering
 * what it found so that a restore of many messages lists each level once.
 * https://learn.microsoft.com/graph/api/user-post-mailfolders, /graph/api/mailfolder-post-childfolders
 */
export class MailFolderPaths {
  private readonly known = new Map<string, Promise<string>>();

  constructor(
    private readonly graph: GraphGateway,
    private readonly userId: string,
  ) {}

  /** The id of the folder at `path`, created (with its parents) where missing. */
  ensure(path: readonly string[]): Promise<string> {
    if (path.length === 0) return Promise.resolve('inbox');
    const key = path.join('/');
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
    const parentId = path.length > 1 ? await this.ensure(path.slice(0, -1)) : undefined;
    const user = encodeURIComponent(this.userId);
    const listing = parentId
      ? `/users/${user}/mailFolders/${encodeURIComponent(parentId)}/childFolders`
      : `/users/${user}/mailFolders`;
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
    const query = `${listing}?$select=id,displayName&includeHiddenFolders=true`;
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
