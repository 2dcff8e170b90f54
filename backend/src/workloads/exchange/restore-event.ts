import type { ItemVersion } from '../../catalog/index.js';
import type { RecordIntent } from '../item-writer.js';
import type { RestoreItem } from '../../restore-model/model.js';
import { isGraphStatus, type VerifyOutcome, type WriteOutcome } from '../../restore-model/outcome.js';
import type { TargetLocation } from '../../restore-model/target-location.js';
import {
  applyOccurrenceChanges,
  occurrenceChangeDifferences,
  type BackedUpSeries,
} from './restore-event-exceptions.js';
import {
  calendarEventsPath,
  calendarsPath,
  defaultCalendarId,
  userEventsPath,
  type GraphCalendar,
  type GraphEvent,
} from '../../graph/index.js';
import { eventDifferences, eventIdentity, eventToCreate } from './restore-event-json.js';
import { backedUpJson, type GraphJson } from './restore-outlook-json.js';
import { OutlookJsonWriter, type OutlookContainer } from './restore-outlook-writer.js';

/**
 * Restores events and series masters without inviting anyone (see eventToCreate): into the default calendar when the
 * target is the original place, else into a calendar named after the restore (`Ripristino …` / `Restored …`, plus the
 * source's name for another user's mailbox), created by `POST /users/{id}/calendars` (calendars do not nest).
 * Two events are the same when subject, start and end match.
 * https://learn.microsoft.com/graph/api/user-post-events, /graph/api/calendar-post-events
 */
export class EventWriter extends OutlookJsonWriter<GraphEvent> {
  private readonly calendars = new Map<string, Promise<string>>();
  protected readonly itemSegment = 'events';
  protected readonly identitySelect = 'id,subject,start,end';

  protected async container(
    userId: string,
    folderPath: readonly string[],
    originalPath: readonly string[],
  ): Promise<OutlookContainer> {
    if (folderPath.join('/') === originalPath.join('/'))
      return { itemsPath: userEventsPath(userId), importFolderId: await this.defaultCalendar(userId) };
    const name = folderPath.slice(0, Math.max(1, folderPath.length - originalPath.length)).join(' - ');
    const key = `${userId}/${name}`;
    let calendarId = this.calendars.get(key);
    if (!calendarId) {
      calendarId = this.ensureCalendar(userId, name);
      this.calendars.set(key, calendarId);
      calendarId.catch(() => this.calendars.delete(key));
    }
    const id = await calendarId;
    return { itemsPath: calendarEventsPath(userId, id), importFolderId: id };
  }

  /** The user's default calendar, asked once (learn.microsoft.com/graph/api/calendar-get). */
  private defaultCalendar(userId: string): Promise<string> {
    const key = `${userId}/`;
    let id = this.calendars.get(key);
    if (!id) {
      id = defaultCalendarId(this.context.graph, userId);
      this.calendars.set(key, id);
      id.catch(() => this.calendars.delete(key));
    }
    return id;
  }

  /**
   * A series recreated through JSON follows its pattern: its cancelled and changed occurrences are then deleted and
   * patched as they were (an import brings them back inside the series). A failure there leaves the series restored;
   * read-back names each occurrence that differs.
   */
  override async write(
    item: RestoreItem,
    version: ItemVersion,
    location: TargetLocation,
    intend: RecordIntent,
  ): Promise<WriteOutcome> {
    const outcome = await super.write(item, version, location, intend);
    if (outcome.state === 'restored' && outcome.restoredBy !== 'import') {
      const series = await backedUpJson<BackedUpSeries>(this.context, version);
      await applyOccurrenceChanges(this.context.graph, location.id, outcome.createdId, series).catch(() => undefined);
    }
    return outcome;
  }

  override async verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<VerifyOutcome> {
    const outcome = await super.verify(item, version, createdId);
    if (item.restoredBy === 'import') return outcome;
    const userId = (item.targetResource ?? '').replace(/^mailbox:/, '');
    const series = await backedUpJson<BackedUpSeries>(this.context, version);
    const occurrences = await occurrenceChangeDifferences(this.context.graph, userId, createdId, series);
    if (occurrences.length === 0) return outcome;
    return { verified: false, differences: [...outcome.differences, ...occurrences] };
  }

  protected identityOf(event: GraphEvent): string {
    return eventIdentity(event);
  }

  protected toCreate(original: GraphEvent, marker: string): GraphJson {
    return eventToCreate(original, marker);
  }

  protected differences(original: GraphEvent, restored: GraphEvent): string[] {
    return eventDifferences(original, restored);
  }

  /** Start and end come back in the backup's time zone (learn.microsoft.com/graph/api/event-get, Prefer header). */
  protected override readBackHeaders(original: GraphEvent): Record<string, string> {
    const zone = original.start?.timeZone;
    return zone ? { Prefer: `outlook.timezone="${zone}"` } : {};
  }

  private async ensureCalendar(userId: string, name: string): Promise<string> {
    const path = calendarsPath(userId);
    const resource = { kind: 'mailbox', userId } as const;
    const find = async (): Promise<string | undefined> => {
      const wanted = name.toLocaleLowerCase();
      for await (const page of this.context.graph.pages<GraphCalendar>(`${path}?$select=id,name`, {
        resource,
        maxPageSize: 100,
      })) {
        const match = page.find((calendar) => calendar.name.toLocaleLowerCase() === wanted);
        if (match) return match.id;
      }
      return undefined;
    };
    const existing = await find();
    if (existing) return existing;
    try {
      return (await this.context.graph.sendJson<GraphCalendar>('POST', path, { name }, { resource })).id;
    } catch (error) {
      // Another writer created it meanwhile: use theirs.
      const raced = isGraphStatus(error, 409) ? await find() : undefined;
      if (raced) return raced;
      throw error;
    }
  }
}
