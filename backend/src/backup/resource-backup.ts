import { backupMailbox } from '../workloads/exchange/mail-backup.js';
import { backupDrive } from '../workloads/files/drive-backup.js';
import { backupTeam } from '../workloads/teams/team-backup.js';
import type { UnitContext } from './unit-context.js';

/** Chooses the workload that backs up the unit's resource. */
export function backupResource(context: UnitContext): Promise<void> {
  const { resource } = context;
  switch (resource.kind) {
    case 'mailbox':
      return backupMailbox(context, resource.graphId);
    case 'onedrive':
    case 'sharepoint':
      return backupDrive(context, resource.driveId ?? resource.graphId);
    case 'team':
      return backupTeam(context, resource.graphId);
  }
}
