import { z } from 'zod';
import { notFound } from '../http/api-error.js';
import { listQuery, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { backupRefusals } from './job-refusals.js';
import { isoDateTime, tenantOf } from '../http/schemas.js';
import { runsPage } from '../backup/run-reads.js';
import { backupOf, type BackupRouteServices } from './backup-services.js';
import { runDetail, runDetailSchema, runStatuses, runSummary, runSummarySchema } from './run-view.js';

const defineRoute = routeDefiner<BackupRouteServices>();

/** The job log ("Log"): every run, its outcome per account, item counts, warnings and errors. */
export const jobLogRoutes = [
  defineRoute({
    id: 'runs.list',
    method: 'GET',
    path: '/runs',
    tag: 'job-log',
    summary: 'Every run of the tenant’s backup jobs, newest first; filter by job, status and date',
    permission: 'jobs.read',
    refusals: backupRefusals,
    query: listQuery(['queuedAt'], '-queuedAt', {
      jobId: z.uuid().optional(),
      status: z.enum(runStatuses).optional(),
      from: isoDateTime.optional().describe('Runs queued at or after this instant'),
      to: isoDateTime.optional().describe('Runs queued before this instant'),
    }),
    response: pageOf(runSummarySchema),
    async handler({ principal, query, services }) {
      backupOf(services);
      const { jobId, status, from, to } = query;
      const wanted = { jobId, status, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
      const page = await runsPage(services.db, tenantOf(principal), wanted, query);
      return { items: page.items.map(runSummary), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'runs.read',
    method: 'GET',
    path: '/runs/:id',
    tag: 'job-log',
    summary: 'One run with its outcome per account, item counts, warnings and errors in plain words',
    permission: 'jobs.read',
    refusals: backupRefusals,
    params: z.strictObject({ id: z.uuid() }),
    response: runDetailSchema,
    async handler({ principal, params, services }) {
      const tenantId = tenantOf(principal);
      const { engine } = backupOf(services);
      const run = await engine.run(tenantId, params.id);
      if (!run) throw notFound('run');
      return runDetail(run, await engine.runUnits(tenantId, params.id));
    },
  }),
];
