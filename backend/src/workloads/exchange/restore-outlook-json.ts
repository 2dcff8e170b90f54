import type { ItemVersion } from '../../catalog/index.js';
import type { ItemBody } from '../../graph/index.js';
import type { RestoreWriteContext } from '../item-writer.js';
import { htmlToText, restoreMarkerPropertyId } from './restore-mail-json.js';

/** Set by Exchange on every Outlook item, never posted (learn.microsoft.com/graph/api/resources/outlookitem). */
const serverSet = ['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'parentFolderId'];

export type GraphJson = Record<string, unknown>;

/** The Graph JSON a contact or event was backed up as. */
export async function backedUpJson<T extends GraphJson>(
  context: RestoreWriteContext,
  version: ItemVersion,
): Promise<T> {
  return JSON.parse((await context.store.read(context.tenantId, version.content!)).toString('utf8')) as T;
}

/**
 * A copy of `json` that Graph accepts as a new item: OData annotations, server-set and `readOnly` properties and
 * nulls removed, and the restore marker as the only single-value extended property (so a resumed worker finds it).
 */
export function writableCopy(json: GraphJson, readOnly: readonly string[], marker: string): GraphJson {
  const dropped = new Set([...serverSet, ...readOnly, 'singleValueExtendedProperties', 'multiValueExtendedProperties']);
  const copy: GraphJson = {};
  for (const [key, value] of Object.entries(json)) {
    if (key.includes('@odata') || key.startsWith('@') || dropped.has(key) || value === null) continue;
    copy[key] = value;
  }
  copy.singleValueExtendedProperties = [{ id: restoreMarkerPropertyId, value: marker }];
  return copy;
}

/** The words of a body, HTML or text, with whitespace collapsed: what two renderings of one body share. */
export function bodyText(body: ItemBody | undefined): string {
  const content = body?.content ?? '';
  return (body?.contentType?.toLowerCase() === 'html' ? htmlToText(content) : content).replace(/\s+/g, ' ').trim();
}

/** A value as comparable text: object keys sorted; nulls, empty strings, empty arrays and empty objects left out. */
export function canonical(value: unknown): string {
  return JSON.stringify(pruned(value) ?? null);
}

function pruned(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as GraphJson)
      .filter(([key]) => !key.includes('@odata'))
      .map(([key, item]) => [key, pruned(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The names of `fields` whose values differ between the backup and the read-back item. */
export function fieldDifferences(original: GraphJson, restored: GraphJson, fields: readonly string[]): string[] {
  return fields.filter((field) => canonical(original[field]) !== canonical(restored[field]));
}

/**
 * What Exchange assigns anew to every item it creates, imported or not, and so never compares: ids, change keys and
 * ETags, creation and modification times, the folder (checked against the target instead), the links and the
 * calendar ids that contain the item's id. https://learn.microsoft.com/graph/api/resources/outlookitem,
 * /graph/api/resources/event (webLink, iCalUId is kept by import), /graph/api/resources/contact
 */
const assignedOnCreate = new Set([
  ...serverSet,
  'webLink',
  'transactionId',
  'calendar',
  'singleValueExtendedProperties',
]);

/** What a backup stores beside Graph's JSON of a series master (event-exceptions.ts), which a read-back never has. */
const addedByBackup = new Set(['occurrenceDates', 'occurrenceWindow', 'exceptionOccurrences', 'cancelledOccurrences']);

/** Every property of an imported item that differs from the backed-up one, by name (full fidelity: all must match). */
export function importedItemDifferences(original: GraphJson, restored: GraphJson): string[] {
  const names = new Set([...Object.keys(original), ...Object.keys(restored)]);
  return [...names]
    .filter((name) => !name.startsWith('@') && !name.includes('@odata') && !assignedOnCreate.has(name))
    .filter((name) => !addedByBackup.has(name))
    .filter((name) => canonical(original[name]) !== canonical(restored[name]))
    .sort();
}
