import type { Db } from 'mongodb';
import type { BackupJobs, RunEngine } from '@custodia/backend/backup/index';
import type { PortalLinks } from './portal-links.js';

/** The backend services the bot works with, called directly (not over HTTP). */
export interface BotServices {
  db: Db;
  jobs: BackupJobs;
  engine: RunEngine;
  links: PortalLinks;
}
