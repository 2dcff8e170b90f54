import { backupCalendar } from '../workloads/exchange/calendar-backup.js';
import { backupContacts } from '../workloads/exchange/contacts-backup.js';
import { backupMailbox } from '../workloads/exchange/mail-backup.js';
import { backupTasksAndNotes } from '../workloads/exchange/tasks-notes-backup.js';
import { backupDrive } from '../workloads/files/drive-backup.js';
import { backupTeam } from '../workloads/teams/team-backup.js';
import type { UnitContext } from './unit-context.js';

/** Chooses the workloads that back up the unit's resource: a mailbox is its mail, contacts, calendar, tasks and notes. */
export async function backupResource(context: UnitContext): Promise<void> {
  const { resource } = context;
  switch (resource.kind) {
    case 'mailbox':
      await backupMailbox(context, resource.graphId);
      await backupContacts(context, resource.graphId);
      await backupCalendar(context, resource.graphId);
      return backupTasksAndNotes(context, resource.graphId);
    case 'onedrive':
    case 'sharepoint':
      return backupDrive(context, resource.driveId ?? resource.graphId);
    case 'team':
      return backupTeam(context, resource.graphId);
  }
}
