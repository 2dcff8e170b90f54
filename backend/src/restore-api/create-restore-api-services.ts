import type { Db } from 'mongodb';
import type { ExportService } from '../restore/export-service.js';
import type { RestoreService } from '../restore/restore-service.js';
import { SelfServiceRestore } from '../restore/self-service.js';
import type { DelegatedOwnership } from './delegated-ownership.js';
import type { RestoreApiServices } from './restore-api-services.js';

/** Builds the restore side of the API once per process from the workers' restore and export services. */
export function createRestoreApiServices(options: {
  db: Db;
  restores: RestoreService;
  exports: ExportService;
  ownership?: DelegatedOwnership;
}): RestoreApiServices {
  return {
    restores: options.restores,
    exports: options.exports,
    selfService: new SelfServiceRestore(options.db, options.restores),
    ...(options.ownership && { ownership: options.ownership }),
  };
}
