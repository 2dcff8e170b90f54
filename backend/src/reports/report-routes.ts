import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { routeDefiner, type RouteServices } from '../http/route.js';
import type { DirectoryAccess } from '../jobs-api/backup-services.js';
import { isoOrNull, tenantOf } from '../http/schemas.js';
import { snapshotsBetween } from './snapshot-store.js';
import { staleJobs } from './stale-jobs.js';
import { tenantCoverage } from './tenant-coverage.js';
import { addDays, daysSpanned, utcDay } from './utc-day.js';

/** The coverage report reads the directory through the backup engine's app-only access, when this process has it. */
interface ReportRouteServices extends RouteServices {
  readonly backup?: { readonly directory?: DirectoryAccess };
}

const defineRoute = routeDefiner<ReportRouteServices>();

export const maxReportDays = 400;
const defaultReportDays = 90;

const day = z.iso.date();
const count = z.number().int();

const usagePointSchema = z.strictObject({
  day,
  takenAt: z.string(),
  plans: z.array(z.strictObject({ profile: z.string(), retentionYears: count, seats: count, used: count })),
  protectedPeople: count,
  protectedResources: count,
  unprotectedAccounts: count.nullable(),
  storedBytes: count,
  purchasedBytes: count,
  itemsStored: count,
  runs: z.strictObject({ succeeded: count, warning: count, failed: count }),
});

const accountKind = z.enum(['user', 'team']);

const coverageSchema = z.strictObject({
  checkedAt: z.string(),
  kinds: z.array(z.strictObject({ kind: accountKind, protected: count, unprotected: count })),
  unprotected: z.array(
    z.strictObject({ kind: accountKind, id: z.string(), displayName: z.string(), email: z.string().nullable() }),
  ),
  staleJobs: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      lastSuccessAt: z.string().nullable(),
      lastStatus: z.enum(['queued', 'running', 'succeeded', 'warning', 'failed']).nullable(),
    }),
  ),
});

/** Reports: consumption over time (one point per day) and protection coverage now. */
export const reportRoutes = [
  defineRoute({
    id: 'reports.usage',
    method: 'GET',
    path: '/reports/usage',
    tag: 'reports',
    summary: `Daily points of seats used per plan, protected accounts, stored bytes, items and runs (default the last ${defaultReportDays} days, at most ${maxReportDays})`,
    permission: 'licence.read',
    query: z.strictObject({
      from: day.optional().describe('First day (yyyy-mm-dd, UTC)'),
      to: day.optional().describe('Last day (yyyy-mm-dd, UTC), default today'),
    }),
    response: z.strictObject({ from: day, to: day, points: z.array(usagePointSchema) }),
    async handler({ principal, query, services }) {
      const to = query.to ?? utcDay(services.clock());
      const from = query.from ?? addDays(to, 1 - defaultReportDays);
      if (from > to || daysSpanned(from, to) > maxReportDays) {
        throw new ApiError(400, 'invalid_request', { from, to, maxDays: maxReportDays });
      }
      const points = await snapshotsBetween(services.db, tenantOf(principal), from, to);
      return {
        from,
        to,
        points: points.map(({ tenantId: _tenant, takenAt, ...point }) => ({
          ...point,
          takenAt: takenAt.toISOString(),
        })),
      };
    },
  }),
  defineRoute({
    id: 'reports.coverage',
    method: 'GET',
    path: '/reports/coverage',
    tag: 'reports',
    summary:
      'Accounts of the directory protected and not protected by any job, by kind, with the unprotected ones, and jobs without a successful run in 48 hours',
    permission: 'licence.read',
    refusals: { 409: ['graph_consent_missing'], 503: ['backup_unavailable'] },
    response: coverageSchema,
    async handler({ principal, services }) {
      const directory = services.backup?.directory;
      if (!directory) throw new ApiError(503, 'backup_unavailable');
      const tenantId = tenantOf(principal);
      const now = services.clock();
      const [coverage, stale] = await Promise.all([
        tenantCoverage(services.db, tenantId, await directory.graphFor(tenantId)),
        staleJobs(services.db, tenantId, now),
      ]);
      return {
        checkedAt: now.toISOString(),
        ...coverage,
        staleJobs: stale.map((job) => ({
          id: job.jobId,
          name: job.name,
          lastSuccessAt: isoOrNull(job.lastSuccessAt ?? undefined),
          lastStatus: job.lastStatus,
        })),
      };
    },
  }),
];
