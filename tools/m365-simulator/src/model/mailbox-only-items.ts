import type { MailboxOnlyItemClass, MailboxOnlyItemRecord } from './records.js';

/**
 * Outlook tasks and notes as the MAPI properties Exchange keeps (MS-OXPROPS; property ids in the extended-property
 * form of https://learn.microsoft.com/graph/api/resources/extended-properties-overview): what the simulator stores,
 * exports and imports for them, and what a client reads back with `$expand=singleValueExtendedProperties`.
 */
const PSETID_TASK = '{00062003-0000-0000-C000-000000000046}';
const PSETID_NOTE = '{0006200E-0000-0000-C000-000000000046}';

export const MAPI_PROPERTY = {
  /** PidTagSubject. */
  subject: 'String 0x37',
  /** PidTagBody. */
  body: 'String 0x1000',
  /** PidTagImportance: 0 low, 1 normal, 2 high. */
  importance: 'Integer 0x17',
  /** PidLidTaskDueDate. */
  taskDueDate: `SystemTime ${PSETID_TASK} Id 0x8105`,
  /** PidLidTaskStatus: 0 not started, 1 in progress, 2 complete, 3 waiting on others, 4 deferred. */
  taskStatus: `Integer ${PSETID_TASK} Id 0x8101`,
  /** PidLidPercentComplete, 0.0 to 1.0. */
  percentComplete: `Double ${PSETID_TASK} Id 0x8102`,
  /** PidLidNoteColor: 0 blue, 1 green, 2 pink, 3 yellow, 4 white. */
  noteColor: `Integer ${PSETID_NOTE} Id 0x8B00`,
} as const;

export interface TaskInput {
  subject: string;
  body?: string;
  /** ISO date-time in UTC. */
  dueDateTime?: string;
  status?: 0 | 1 | 2 | 3 | 4;
  percentComplete?: number;
  importance?: 0 | 1 | 2;
  categories?: string[];
}

export interface NoteInput {
  subject: string;
  body?: string;
  color?: 0 | 1 | 2 | 3 | 4;
  categories?: string[];
}

type Property = { id: string; value: string };

function property(id: string, value: string | number | undefined): Property[] {
  return value === undefined ? [] : [{ id, value: String(value) }];
}

function record(
  itemClass: MailboxOnlyItemClass,
  where: { id: string; parentFolderId: string; now: string },
  categories: string[] | undefined,
  properties: Property[],
): MailboxOnlyItemRecord {
  return {
    id: where.id,
    seq: 0,
    parentFolderId: where.parentFolderId,
    itemClass,
    createdDateTime: where.now,
    lastModifiedDateTime: where.now,
    categories: categories ?? [],
    singleValueExtendedProperties: properties,
  };
}

export function taskRecord(
  task: TaskInput,
  where: { id: string; parentFolderId: string; now: string },
): MailboxOnlyItemRecord {
  return record('IPM.Task', where, task.categories, [
    ...property(MAPI_PROPERTY.subject, task.subject),
    ...property(MAPI_PROPERTY.body, task.body),
    ...property(MAPI_PROPERTY.importance, task.importance ?? 1),
    ...property(MAPI_PROPERTY.taskDueDate, task.dueDateTime),
    ...property(MAPI_PROPERTY.taskStatus, task.status ?? 0),
    ...property(MAPI_PROPERTY.percentComplete, task.percentComplete ?? (task.status === 2 ? 1 : 0)),
  ]);
}

export function noteRecord(
  note: NoteInput,
  where: { id: string; parentFolderId: string; now: string },
): MailboxOnlyItemRecord {
  return record('IPM.StickyNote', where, note.categories, [
    ...property(MAPI_PROPERTY.subject, note.subject),
    ...property(MAPI_PROPERTY.body, note.body),
    ...property(MAPI_PROPERTY.noteColor, note.color ?? 3),
  ]);
}
