import type { ObjectId } from 'mongodb';
import type { ItemVersion } from '../catalog/index.js';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { routeDefiner, type RouteSpec } from '../http/route.js';
import { restoreRefusals, selectionRefusals } from './restore-refusals.js';
import { tenantOf } from '../http/schemas.js';
import type { BrowseAudience } from './browse-routes.js';
import { tenantScope } from './backup-scope.js';
import { checkedSelection } from './checked-selection.js';
import { selectionSchema } from './request-schemas.js';
import { restoreOf, type RestoreRouteServices } from './restore-api-services.js';
import { exportView, exportViewSchema } from './views.js';

const defineRoute = routeDefiner<RestoreRouteServices>();

const exportBody = z.strictObject({ selection: selectionSchema });
const zipPlan = z.strictObject({
  items: z.number().int(),
  versionIds: z.array(z.string()).describe('Exactly the versions the ZIP holds'),
});

/**
 * "Download as ZIP" for the portal and for "My backups": mail as EML, files as themselves, channel messages as HTML
 * and JSON, streamed as it is written, whatever its size. The versions are resolved first, recorded in the activity
 * log (it takes personal data out of the backup), and then exactly those are sent.
 */
export function zipExportRoute(
  audience: BrowseAudience,
  address: { id: string; path: string },
): RouteSpec<RestoreRouteServices> {
  return defineRoute({
    id: address.id,
    method: 'POST',
    path: address.path,
    tag: audience.tag,
    summary: 'Streams a selection as a ZIP now: mail as EML, files as themselves, channel messages as HTML and JSON',
    permission: audience.permission,
    refusals: { ...selectionRefusals, ...audience.refusals },
    body: exportBody,
    maxBodyBytes: 512 * 1024,
    response: zipPlan,
    contentType: 'application/zip',
    async handler({ principal, body, services, request }) {
      const scope = await audience.scopeOf({ principal, services, request });
      const { versions } = await checkedSelection(services.db, scope, body.selection);
      const versionIds = versions.map((version) => (version as ItemVersion & { _id: ObjectId })._id.toHexString());
      return { items: versionIds.length, versionIds };
    },
    activity: ({ principal, body }, plan) => ({
      tenantId: tenantOf(principal),
      action: 'export.downloaded',
      details: { selection: body.selection.type, items: plan.items },
    }),
    async stream({ principal, services, response }, plan) {
      const day = new Date().toISOString().slice(0, 10);
      response.setHeader('content-type', 'application/zip');
      response.setHeader('content-disposition', `attachment; filename="custodia-export-${day}.zip"`);
      response.setHeader('cache-control', 'no-store');
      response.writeHead(200);
      const selection = { type: 'versions' as const, versionIds: plan.versionIds };
      const tenantId = tenantOf(principal);
      const { failures } = await restoreOf(services).exports.streamZip(tenantId, selection, response);
      // The person finds the list inside the ZIP; the log is for whoever looks after the store.
      if (failures.length > 0) {
        services.logger?.warn(
          {
            tenantId,
            route: address.id,
            failures: failures.map(({ versionId, reason }) => ({ versionId, reason: reason.en })),
          },
          'ZIP export sent without the items that could not be read',
        );
      }
    },
  });
}

/** Large exports: written in the background to a file that a secret, expiring link downloads. */
export const backgroundExportRoutes = [
  defineRoute({
    id: 'exports.create',
    method: 'POST',
    path: '/exports',
    tag: 'exports',
    summary: 'Prepares a large export in the background; its download link works without signing in until it expires',
    permission: 'backups.browse',
    refusals: selectionRefusals,
    requiresSetup: true,
    body: exportBody,
    maxBodyBytes: 512 * 1024,
    response: exportViewSchema,
    status: 202,
    async handler({ principal, body, services }) {
      const { selection } = await checkedSelection(services.db, tenantScope({ principal }), body.selection);
      const record = await restoreOf(services).exports.requestExport(tenantOf(principal), principal.email, selection);
      return exportView(record);
    },
    activity: ({ principal, body }, record) => ({
      tenantId: tenantOf(principal),
      action: 'export.requested',
      target: { type: 'export', id: record.id },
      details: { selection: body.selection.type },
    }),
  }),
  defineRoute({
    id: 'exports.read',
    method: 'GET',
    path: '/exports/:id',
    tag: 'exports',
    summary: 'A background export: its progress and, once ready, its download link and when the link expires',
    permission: 'backups.browse',
    refusals: restoreRefusals,
    params: z.strictObject({ id: z.uuid() }),
    response: exportViewSchema,
    async handler({ principal, params, services }) {
      const record = await restoreOf(services).exports.get(tenantOf(principal), params.id);
      if (!record) throw notFound('export');
      return exportView(record);
    },
  }),
  defineRoute({
    id: 'exports.download',
    method: 'GET',
    path: '/downloads/:tenantId/:token',
    tag: 'exports',
    summary: 'Downloads a ready background export; the secret link expires (24 hours by default)',
    permission: 'public',
    refusals: { ...restoreRefusals, 404: ['download_expired'] },
    params: z.strictObject({
      tenantId: z.uuid(),
      token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    }),
    response: z.strictObject({ bytes: z.number().int() }),
    contentType: 'application/zip',
    async handler({ params, services }) {
      const record = await restoreOf(services).exports.findDownload(params.tenantId, params.token);
      if (!record) throw new ApiError(404, 'download_expired');
      return { bytes: record.bytes };
    },
    async stream({ params, services, response }) {
      const download = await restoreOf(services).exports.openDownload(params.tenantId, params.token);
      if (!download) throw new ApiError(404, 'download_expired');
      response.setHeader('content-type', 'application/zip');
      response.setHeader('content-length', String(download.bytes));
      response.setHeader('content-disposition', `attachment; filename="${download.fileName}"`);
      response.setHeader('cache-control', 'no-store');
      response.writeHead(200);
      await new Promise<void>((resolve, reject) => {
        download.stream.on('error', reject);
        response.on('error', reject);
        response.on('finish', resolve);
        download.stream.pipe(response);
      });
    },
  }),
];
