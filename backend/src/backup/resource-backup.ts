import { backupCalendar } from '../workloads/exchange/calendar-backup.js';
import { backupContacts } from '../workloads/exchange/contacts-backup.js';
import { backupMailbox } from '../workloads/exchange/mail-backup.js';
import { readMailboxAhead, rememberedMailbox } from '../workloads/exchange/mailbox-first-reads.js';
import { backupTasksAndNotes } from '../workloads/exchange/tasks-notes-backup.js';
import { backupDrive } from '../workloads/files/drive-backup.js';
import { backupTeam } from '../workloads/teams/team-backup.js';
import type { UnitContext } from '../backup-unit/unit-context.js';

/**
 * Chooses the workloads that back up the unit's resource: a mailbox is its mail, contacts, calendar, tasks and notes,
 * whose first reads go ahead in JSON batches (readMailboxAhead: folders, the mailbox's folder list, the calendar and
 * contacts unless that list shows them quiet). What earlier runs learnt of the mailbox (its Inbox's id, its mailbox
 * id) is not read again.
 */
export async function backupResource(context: UnitContext): Promise<void> {
  const { resource } = context;
  switch (resource.kind) {
    case 'mailbox': {
      const userId = resource.graphId;
      const remembered = await rememberedMailbox(context);
      const { graph, quiet } = await readMailboxAhead(context, userId, remembered);
      const mailbox = { ...context, graph };
      await backupMailbox(mailbox, userId, remembered.inboxId);
      if (!quiet.contacts) await backupContacts(mailbox, userId);
      if (!quiet.calendar) await backupCalendar(mailbox, userId);
      return backupTasksAndNotes(mailbox, userId);
    }
    case 'onedrive':
    case 'sharepoint':
      return backupDrive(context, resource.driveId ?? resource.graphId);
    case 'team':
      return backupTeam(context, resource.graphId);
  }
}
