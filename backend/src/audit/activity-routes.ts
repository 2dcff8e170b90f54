import { z } from 'zod';
import { findTenantPage, pageOf } from '../http/pagination.js';
import { routeDefiner, type RouteServices } from '../http/route.js';
import { tenantOf } from '../http/schemas.js';
import type { ActivityLog } from './activity-log.js';
import { activityCsvHeader, activityCsvRow } from './activity-csv.js';
import { activityFilter, activityFilters, activityListQuery } from './activity-query.js';
import { activityEntries, type ActivityEntry } from './activity-store.js';

interface ActivityRouteServices extends RouteServices {
  readonly activity: ActivityLog;
}

const defineRoute = routeDefiner<ActivityRouteServices>();

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const activityEntrySchema = z.strictObject({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.strictObject({
    kind: z.enum(['person', 'provider', 'system']),
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
  }),
  action: z.string(),
  category: z.string(),
  target: z.strictObject({ type: z.string(), id: z.string(), label: z.string().optional() }).optional(),
  details: z.record(z.string(), detailValue).optional(),
  prevHash: z.string(),
  hash: z.string(),
  seal: z.enum(['hmac-sha256', 'sha256']).describe('How `hash` seals the row: keyed (today) or plain (older rows)'),
});

function view(entry: ActivityEntry): z.input<typeof activityEntrySchema> {
  const { tenantId: _tenant, at, seal, ...rest } = entry;
  return { ...rest, at: at.toISOString(), seal: seal ?? 'sha256' };
}

const maxExportRows = 100_000;

export const activityRoutes = [
  defineRoute({
    id: 'activity.list',
    method: 'GET',
    path: '/activity',
    tag: 'activity',
    summary: 'The activity log: who did what and when, newest first; filters by type, person and date',
    permission: 'activity.read',
    query: activityListQuery,
    response: pageOf(activityEntrySchema),
    async handler({ principal, query, services }) {
      const page = await findTenantPage(
        activityEntries.scoped(services.db),
        tenantOf(principal),
        activityFilter(query),
        query,
        'seq',
      );
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'activity.export',
    method: 'GET',
    path: '/activity/export.csv',
    tag: 'activity',
    summary: 'The activity log as CSV, with the same filters, oldest first',
    permission: 'activity.read',
    query: z.strictObject(activityFilters),
    response: z.string(),
    contentType: 'text/csv',
    async handler({ principal, query, services, response }) {
      const tenantId = tenantOf(principal);
      response.setHeader('content-disposition', `attachment; filename="activity-${tenantId}.csv"`);
      const cursor = activityEntries
        .scoped(services.db)
        .find(tenantId, activityFilter(query), { sort: { seq: 1 }, limit: maxExportRows, projection: { _id: 0 } });
      let csv = activityCsvHeader();
      for await (const entry of cursor) csv += activityCsvRow(entry as unknown as ActivityEntry);
      return csv;
    },
  }),
  defineRoute({
    id: 'activity.verify',
    method: 'GET',
    path: '/activity/verification',
    tag: 'activity',
    summary: 'Re-checks the whole hash chain: reports edited, deleted or re-linked rows',
    permission: 'activity.verify',
    response: z.strictObject({
      intact: z.boolean(),
      entriesChecked: z.number().int(),
      lastSeq: z.number().int(),
      problems: z.array(
        z.strictObject({ kind: z.enum(['edited', 'missing', 'relinked', 'truncated']), seq: z.number().int() }),
      ),
    }),
    async handler({ principal, services }) {
      return services.activity.verify(tenantOf(principal));
    },
  }),
];
