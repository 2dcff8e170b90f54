import type { Db } from 'mongodb';
import type { BackupJobs, RunEngine } from '@custodia/backend/backup/index';
import type { ActivityLog } from '@custodia/backend/audit/activity-log';
import type { GraphReader } from '@custodia/backend/backup-unit/ports';
import type { RestoreService } from '@custodia/backend/restore/index';
import type { PortalLinks } from './portal-links.js';

/** The backend services the bot works with, called directly (not over HTTP). */
export interface BotServices {
  db: Db;
  jobs: BackupJobs;
  engine: RunEngine;
  links: PortalLinks;
  /** The tenant's activity log, which "run now" writes to as the portal's does. */
  activity: ActivityLog;
  /** Who a person is, as Microsoft 365 knows them: the names the activity log records. */
  directory: BotDirectory;
  /** Deciding on restores awaiting approval from Teams; without it the approval cards have no buttons. */
  approvals?: ApprovalServices;
}

/** What deciding on a restore needs: the restore service (each decision goes to `BotServices.activity`). */
export interface ApprovalServices {
  restores: RestoreService;
}

/** App-only reads of a tenant's directory, through the product's Graph layer. */
export interface BotDirectory {
  graphFor(tenantId: string): Promise<Pick<GraphReader, 'getJson'>>;
}
