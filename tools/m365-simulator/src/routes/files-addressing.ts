import type { SimulatorContext } from '../context.js';
import { GraphError } from '../http/errors.js';
import type { GraphRequest } from '../http/types.js';
import { resolvePath } from '../model/drive.js';
import type { DriveItemRecord, DriveRecord, IdentitySet } from '../model/records.js';
import { requireUser } from './directory.js';
import { pinOnWrite } from './targets.js';

export function itemNotFound(what: string): GraphError {
  return new GraphError(404, 'itemNotFound', `The resource could not be found: ${what}.`);
}

/** How a request names its drive and item: by drive id, through a user's or a site's drive, by item id or by path. */
export interface DriveAddressing {
  /** The addressed drive, pinned in memory when the request writes. */
  driveOf(request: GraphRequest): DriveRecord;
  /** The addressed item: `root`, `items/{id}`, either followed by `:/path:` (https://learn.microsoft.com/graph/onedrive-addressing-driveitems). */
  itemOf(request: GraphRequest, drive: DriveRecord): DriveItemRecord;
  /** A pre-authenticated download URL for a file's current content; undefined for a folder. */
  downloadUrlFor(request: GraphRequest, drive: DriveRecord, item: DriveItemRecord): string | undefined;
  /** Who the request writes as, for `createdBy`/`lastModifiedBy`. */
  writerOf(request: GraphRequest): IdentitySet;
}

export function driveAddressing(context: SimulatorContext): DriveAddressing {
  const { tenant } = context;

  const addressedDrive = (request: GraphRequest): DriveRecord => {
    const { driveId, userId, siteId } = request.params;
    if (userId) return tenant.userDrive(requireUser(context, userId));
    if (siteId) {
      const site = tenant.sites.get(siteId);
      const drive = site?.driveIds[0] ? tenant.findDrive(site.driveIds[0]) : undefined;
      if (!drive) throw itemNotFound(`site ${siteId}`);
      return drive;
    }
    const drive = tenant.findDrive(driveId ?? '');
    if (!drive) throw itemNotFound(`drive ${driveId ?? ''}`);
    return drive;
  };

  return {
    driveOf: (request) => pinOnWrite(request, addressedDrive(request)),
    itemOf(request, drive) {
      const itemId = request.params['itemId'];
      const base = drive.items.get(itemId ?? drive.rootId);
      if (!base) throw itemNotFound(`item ${itemId ?? 'root'}`);
      const path = request.params['path'];
      if (path === undefined) return base;
      const item = resolvePath(drive, base.id, path);
      if (!item) throw itemNotFound(path);
      return item;
    },
    downloadUrlFor: (request, drive, item) =>
      item.content ? context.downloads.create(item.content, `drive:${drive.id}`, request.caller.appId) : undefined,
    writerOf(request) {
      const { caller } = request;
      const user = caller.userId ? tenant.findUser(caller.userId) : undefined;
      if (user) return { user: { id: user.id, displayName: user.displayName, email: user.userPrincipalName } };
      // An app-only write shows the app, with SharePoint's placeholder user.
      return {
        application: { id: caller.appId, displayName: tenant.app.displayName },
        user: { displayName: 'SharePoint App' },
      };
    },
  };
}
