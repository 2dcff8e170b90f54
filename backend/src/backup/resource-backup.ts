import { backupCalendar } from '../workloads/exchange/calendar-backup.js';
import { backupContacts } from '../workloads/exchange/contacts-backup.js';
import { backupMailbox } from '../workloads/exchange/mail-backup.js';
import { mailboxFirstReads, mailboxSecondReads, rememberedMailbox } from '../workloads/exchange/mailbox-first-reads.js';
import { quietClasses } from '../workloads/exchange/quiet-classes.js';
import { backupTasksAndNotes } from '../workloads/exchange/tasks-notes-backup.js';
import { backupDrive } from '../workloads/files/drive-backup.js';
import { backupTeam } from '../workloads/teams/team-backup.js';
import { readAhead } from '../backup-unit/read-ahead.js';
import type { UnitContext } from '../backup-unit/unit-context.js';

/**
 * Chooses the workloads that back up the unit's resource: a mailbox is its mail, contacts, calendar, tasks and notes,
 * whose independent first reads (folders, the mailbox id or, remembered, the mailbox's folder list, the calendar's
 * first page, the default contact folder) go ahead in one batch, and the reads those make certain (child mail folders,
 * the mailbox's folder list, the calendar and contacts unless that list shows them quiet) in a second. What earlier
 * runs learnt of the mailbox (its Inbox's id, its mailbox id) is not read again.
 */
export async function backupResource(context: UnitContext): Promise<void> {
  const { resource } = context;
  switch (resource.kind) {
    case 'mailbox': {
      const userId = resource.graphId;
      const key = { kind: 'mailbox', userId } as const;
      const remembered = await rememberedMailbox(context);
      const first = await readAhead(context.graph, key, mailboxFirstReads(userId, remembered), context.tenantId);
      const quiet = await quietClasses(context, first, remembered.mailboxId);
      const second = mailboxSecondReads(userId, first, remembered, quiet);
      const graph = await readAhead(first, key, second, context.tenantId);
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
