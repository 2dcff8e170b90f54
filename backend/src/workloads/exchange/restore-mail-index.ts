import type { GraphGateway } from '../../graph/index.js';
import { isGraphStatus } from '../../restore/outcome.js';
import { restoreMarkerPropertyId } from './restore-mail-json.js';

interface ListedMessage {
  id: string;
  internetMessageId?: string;
  singleValueExtendedProperties?: { id: string; value: string }[];
}

/**
 * The messages of one target folder by internetMessageId (to apply the conflict policy) and by restore marker (to
 * find a copy an interrupted attempt left). Listed once per folder and restore, then kept up to date as we write.
 */
export class FolderMessageIndex {
  private loaded: Promise<void> | undefined;
  private readonly byMessageId = new Map<string, Set<string>>();
  private readonly byMarker = new Map<string, string>();

  constructor(
    private readonly graph: GraphGateway,
    private readonly userId: string,
    private readonly folderId: string,
  ) {}

  async withMessageId(internetMessageId: string): Promise<string[]> {
    await this.load();
    return [...(this.byMessageId.get(internetMessageId) ?? [])];
  }

  /** Deletes the copy carrying `marker`, if an earlier attempt created one. */
  async deleteMarked(marker: string): Promise<void> {
    await this.load();
    const id = this.byMarker.get(marker);
    if (id) await this.delete(id);
  }

  remember(id: string, internetMessageId: string | undefined, marker: string): void {
    if (internetMessageId) {
      const ids = this.byMessageId.get(internetMessageId) ?? new Set<string>();
      ids.add(id);
      this.byMessageId.set(internetMessageId, ids);
    }
    this.byMarker.set(marker, id);
  }

  async delete(id: string): Promise<void> {
    try {
      await this.graph.sendJson(
        'DELETE',
        `/users/${encodeURIComponent(this.userId)}/messages/${encodeURIComponent(id)}`,
        undefined,
        {
          resource: { kind: 'mailbox', userId: this.userId },
        },
      );
    } catch (error) {
      if (!isGraphStatus(error, 404)) throw error;
    }
    for (const ids of this.byMessageId.values()) ids.delete(id);
    for (const [marker, markedId] of this.byMarker) if (markedId === id) this.byMarker.delete(marker);
  }

  private load(): Promise<void> {
    this.loaded ??= this.list();
    return this.loaded;
  }

  private async list(): Promise<void> {
    const markerFilter = encodeURIComponent(`id eq '${restoreMarkerPropertyId}'`);
    const listing =
      `/users/${encodeURIComponent(this.userId)}/mailFolders/${encodeURIComponent(this.folderId)}/messages` +
      `?$select=id,internetMessageId,singleValueExtendedProperties&$expand=singleValueExtendedProperties($filter=${markerFilter})`;
    const resource = { kind: 'mailbox', userId: this.userId } as const;
    for await (const page of this.graph.pages<ListedMessage>(listing, { resource, maxPageSize: 500 })) {
      for (const message of page) {
        const marker = message.singleValueExtendedProperties?.find(
          (property) => property.id.toLowerCase() === restoreMarkerPropertyId.toLowerCase(),
        )?.value;
        this.remember(message.id, message.internetMessageId, marker ?? '');
      }
    }
    this.byMarker.delete('');
  }
}
