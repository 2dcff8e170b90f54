import { backupCalendar } from '../workloads/exchange/calendar-backup.js';
import { backupContacts } from '../workloads/exchange/contacts-backup.js';
import { backupMailbox } from '../workloads/exchange/mail-backup.js';
import { mailboxFirstReads, mailboxSecondReads } from '../workloads/exchange/mailbox-first-reads.js';
import { backupTasksAndNotes } from '../workloads/exchange/tasks-notes-backup.js';
import { backupDrive } from '../workloads/files/drive-backup.js';
import { backupTeam } from '../workloads/teams/team-backup.js';
import { readAhead } from '../backup-unit/read-ahead.js';
import type { UnitContext } from '../backup-unit/unit-context.js';

/**
 * Chooses the workloads that back up the unit's resource: a mailbox is its mail, contacts, calendar, tasks and notes,
 * whose independent first reads (folders, the mailbox id, the calendar's first page, the default contact folder) go
 * ahead in one batch, and the reads those make certain (child mail folders, the mailbox's folder list) in a second.
 */
export async function backupResource(context: UnitContext): Promise<void> {
  const { resource } = context;
  switch (resource.kind) {
    case 'mailbox': {
      const userId = resource.graphId;
      const key = { kind: 'mailbox', userId } as const;
      const first = await readAhead(context.graph, key, mailboxFirstReads(userId), context.tenantId);
      const graph = await readAhead(first, key, mailboxSecondReads(userId, first), context.tenantId);
      const mailbox = { ...context, graph };
      await backupMailbox(mailbox, userId);
      await backupContacts(mailbox, userId);
      await backupCalendar(mailbox, userId);
      return backupTasksAndNotes(mailbox, userId);
    }
    case 'onedrive':
    case 'sharepoint':
      return backupDrive(context, resource.driveId ?? resource.graphId);
    case 'team':
      return backupTeam(context, resource.graphId);
  }
}
