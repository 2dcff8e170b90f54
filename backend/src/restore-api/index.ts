import type { RouteSpec } from '../http/route.js';
import type { RestoreRouteServices } from './restore-api-services.js';
import { approvalRoutes } from './approval-routes.js';
import { ownScope, tenantScope } from './backup-scope.js';
import { browseRoutes, type BrowseAudience } from './browse-routes.js';
import { backgroundExportRoutes, zipExportRoute } from './export-routes.js';
import { restoreRoutes } from './restore-routes.js';
import { selfServiceRestoreRoutes } from './self-service-routes.js';
import { selfServiceRefusals } from './restore-refusals.js';

const portal: BrowseAudience = {
  idPrefix: 'backups',
  pathPrefix: '/backups',
  tag: 'backups',
  permission: 'backups.browse',
  refusals: {},
  scopeOf: async (input) => tenantScope(input),
};

const myBackups: BrowseAudience = {
  idPrefix: 'me.backups',
  pathPrefix: '/me/backups',
  tag: 'my-backups',
  permission: 'self.restore',
  refusals: selfServiceRefusals,
  scopeOf: ownScope,
};

/** Browse, restore, export, approve, and the same for a person's own data ("My backups"). */
export const restoreApiRoutes: readonly RouteSpec<RestoreRouteServices>[] = [
  ...browseRoutes(portal),
  ...restoreRoutes,
  zipExportRoute(portal, { id: 'exports.zip', path: '/exports/zip' }),
  ...backgroundExportRoutes,
  ...approvalRoutes,
  ...browseRoutes(myBackups),
  ...selfServiceRestoreRoutes,
  zipExportRoute(myBackups, { id: 'me.exports.zip', path: '/me/exports/zip' }),
];

export { restoreOf, type RestoreApiServices } from './restore-api-services.js';
export { createRestoreApiServices } from './create-restore-api-services.js';
export { GraphDelegatedOwnership, type DelegatedOwnership } from './delegated-ownership.js';
