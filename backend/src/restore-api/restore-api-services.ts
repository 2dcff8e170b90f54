import { ApiError } from '../http/api-error.js';
import type { RouteServices } from '../http/route.js';
import type { ExportService } from '../restore/export-service.js';
import type { RestoreService } from '../restore/restore-service.js';
import type { SelfServiceRestore } from '../restore/self-service.js';
import type { DelegatedOwnership } from './delegated-ownership.js';

/** What the restore, export, approval and self-service routes need; the composition root builds it once. */
export interface RestoreApiServices {
  readonly restores: RestoreService;
  readonly exports: ExportService;
  readonly selfService: SelfServiceRestore;
  /** Microsoft 365's own confirmation, by on-behalf-of, that "My backups" data is the caller's; absent in unit tests. */
  readonly ownership?: DelegatedOwnership;
}

/** What the restore, export, approval and self-service routes reach: the restore services, when this process runs them. */
export interface RestoreRouteServices extends RouteServices {
  readonly restore?: RestoreApiServices;
}

/** The restore services, or 503 when this process was started without them. */
export function restoreOf(services: RestoreRouteServices): RestoreApiServices {
  if (!services.restore) throw new ApiError(503, 'restore_unavailable');
  return services.restore;
}
