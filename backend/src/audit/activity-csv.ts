import type { ActivityEntry } from './activity-store.js';

const columns = [
  'seq',
  'at',
  'actor_name',
  'actor_email',
  'actor_role',
  'action',
  'target_type',
  'target_id',
  'target_label',
  'details',
  'hash',
];

/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ defused so that a spreadsheet
 * never runs a formula someone typed into a name or a ticket subject.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function activityCsvHeader(): string {
  return `${columns.join(',')}\r\n`;
}

export function activityCsvRow(entry: ActivityEntry): string {
  return (
    [
      entry.seq,
      entry.at.toISOString(),
      entry.actor.name,
      entry.actor.email,
      entry.actor.role,
      entry.action,
      entry.target?.type ?? '',
      entry.target?.id ?? '',
      entry.target?.label ?? '',
      entry.details ? JSON.stringify(entry.details) : '',
      entry.hash,
    ]
      .map(cell)
      .join(',') + '\r\n'
  );
}
