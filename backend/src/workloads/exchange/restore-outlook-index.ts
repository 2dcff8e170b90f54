import {
  deleteOutlookItem,
  type ExtendedProperty,
  type GraphGateway,
  type OutlookItemSegment,
} from '../../graph/index.js';
import { isGraphStatus } from '../../restore-model/outcome.js';
import { restoreMarkerPropertyId } from './restore-mail-json.js';

export interface MarkedEntity {
  id: string;
  singleValueExtendedProperties?: ExtendedProperty[];
}

/** Where an index lists its items and what makes two of them the same item for the conflict policy. */
export interface OutlookListing<T extends MarkedEntity> {
  userId: string;
  /** The collection to list, as `graph/resources` builds it (a folder's contacts, a calendar's events…). */
  path: string;
  /** `$select` for the listing: the properties `identityOf` reads. */
  select: string;
  /** Under which a single item is deleted: `messages`, `contacts`, `events`. */
  itemSegment: OutlookItemSegment;
  identityOf(item: T): string | undefined;
}

/** `$expand` that brings the restore marker along with each item (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). */
export const markerExpansion = `$expand=singleValueExtendedProperties($filter=${encodeURIComponent(
  `id eq '${restoreMarkerPropertyId}'`,
)})`;

/** The restore marker an item carries, if any. */
export function markerOf(entity: MarkedEntity): string | undefined {
  return entity.singleValueExtendedProperties?.find(
    (property) => property.id.toLowerCase() === restoreMarkerPropertyId.toLowerCase(),
  )?.value;
}

/**
 * The items of one target folder (mail folder, contact folder, calendar) by identity (to apply the conflict policy)
 * and by restore marker (to find a copy an interrupted attempt left). Listed once per folder and restore, then kept
 * up to date as we write.
 */
export class OutlookItemIndex<T extends MarkedEntity> {
  private loaded: Promise<void> | undefined;
  private readonly byIdentity = new Map<string, Set<string>>();
  private readonly byMarker = new Map<string, string>();

  constructor(
    private readonly graph: GraphGateway,
    private readonly listing: OutlookListing<T>,
  ) {}

  async withIdentity(identity: string): Promise<string[]> {
    await this.load();
    return [...(this.byIdentity.get(identity) ?? [])];
  }

  /** Deletes the copy carrying `marker`, if an earlier attempt created one. */
  async deleteMarked(marker: string): Promise<void> {
    await this.load();
    const id = this.byMarker.get(marker);
    if (id) await this.delete(id);
  }

  /**
   * Deletes the copy an interrupted attempt may have left: a JSON copy carries the item's marker; an imported copy
   * carries nothing of ours, so it is a copy with the item's identity that was not in the folder before the attempt.
   */
  async deleteInterruptedCopy(
    attempt: { marker: string; preexistingIds?: string[] },
    identity: string | undefined,
  ): Promise<void> {
    await this.deleteMarked(attempt.marker);
    if (identity === undefined || !attempt.preexistingIds) return;
    const before = new Set(attempt.preexistingIds);
    for (const id of await this.withIdentity(identity)) if (!before.has(id)) await this.delete(id);
  }

  remember(id: string, identity: string | undefined, marker: string | undefined): void {
    if (identity !== undefined) {
      const ids = this.byIdentity.get(identity) ?? new Set<string>();
      ids.add(id);
      this.byIdentity.set(identity, ids);
    }
    if (marker) this.byMarker.set(marker, id);
  }

  async delete(id: string): Promise<void> {
    const { userId, itemSegment } = this.listing;
    try {
      await deleteOutlookItem(this.graph, userId, itemSegment, id);
    } catch (error) {
      if (!isGraphStatus(error, 404)) throw error;
    }
    for (const ids of this.byIdentity.values()) ids.delete(id);
    for (const [marker, markedId] of this.byMarker) if (markedId === id) this.byMarker.delete(marker);
  }

  private load(): Promise<void> {
    this.loaded ??= this.list();
    return this.loaded;
  }

  private async list(): Promise<void> {
    const { userId, path, select } = this.listing;
    const resource = { kind: 'mailbox', userId } as const;
    for await (const page of this.graph.pages<T>(`${path}?$select=${select}&${markerExpansion}`, {
      resource,
      maxPageSize: 500,
    })) {
      for (const item of page) this.remember(item.id, this.listing.identityOf(item), markerOf(item));
    }
  }
}
