import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { listQuery, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { backupRefusals, jobAdmissionRefusals } from './job-refusals.js';
import { tenantOf } from '../http/schemas.js';
import { newBackupJobSchema, type NewBackupJob } from '../backup/backup-jobs.js';
import type { BackupJob } from '../backup/model.js';
import { dropCoverage } from '../backup/job-coverage.js';
import { assertJobWithinLicence } from '../licences/licence-check.js';
import { backupOf, type BackupRouteServices } from './backup-services.js';
import { peopleOfJobScope } from './people-in-job-scope.js';
import { assertWorkloadsChosenAtSetup } from './setup-admission.js';
import { assertGroupsChosenOnce } from './group-choice.js';
import { jobSchema, jobViews, type JobView } from './job-view.js';
import { requestRun } from './run-request.js';
import { runSummary, runSummarySchema } from './run-view.js';
import { isDuplicateKeyError } from '../db/index.js';
import { missingStepsInWords } from '../tenants/setup-step-texts.js';

const defineRoute = routeDefiner<BackupRouteServices>();

const jobParams = z.strictObject({ id: z.uuid() });
const target = (job: { id: string; name: string }) => ({ type: 'backup_job', id: job.id, label: job.name });
/** What an edit may change: a field left out keeps the job's value (the creation defaults do not apply). */
const editableFields = {
  ...newBackupJobSchema.shape,
  timeZone: newBackupJobSchema.shape.timeZone.unwrap(),
  profile: newBackupJobSchema.shape.profile.unwrap(),
};

async function requireJob(services: BackupRouteServices, tenantId: string, jobId: string): Promise<BackupJob> {
  const job = await backupOf(services).jobs.get(tenantId, jobId);
  if (!job) throw notFound('backup job');
  return job;
}

async function viewOf(services: BackupRouteServices, job: BackupJob): Promise<JobView> {
  const [view] = await jobViews(services.db, backupOf(services), [job]);
  if (!view) throw notFound('backup job');
  return view;
}

/**
 * Groups exist and the licences allow the job; the directory is read when this process can. For an edit, the
 * stored job is what it is compared with: whom it covers now is read only if an overrun makes that matter.
 */
async function admit(
  services: BackupRouteServices,
  tenantId: string,
  input: NewBackupJob,
  current?: BackupJob,
): Promise<void> {
  const valid = newBackupJobSchema.parse(input);
  assertGroupsChosenOnce(valid.scope);
  await assertWorkloadsChosenAtSetup(services.db, tenantId, valid.workloads);
  const directory = backupOf(services).directory;
  const peopleOf = async (job: Pick<BackupJob, 'scope' | 'profile'>) =>
    directory ? peopleOfJobScope(await directory.graphFor(tenantId), job) : null;
  const edit = current && {
    jobId: current.jobId,
    current,
    // A group of the stored job deleted since: whom it covered is unknown, so the edit is judged by its scope.
    currentPeople: () =>
      peopleOf(current).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'group_not_found') return null;
        throw error;
      }),
  };
  await assertJobWithinLicence(services.db, tenantId, valid, await peopleOf(valid), edit);
}

/** The Overview tab's backup jobs: create, list with status, edit, run now, delete. */
export const jobRoutes = [
  defineRoute({
    id: 'jobs.list',
    method: 'GET',
    path: '/jobs',
    tag: 'jobs',
    summary: 'The tenant’s backup jobs with status, last and next run, and live progress',
    permission: 'jobs.read',
    refusals: backupRefusals,
    query: listQuery(['name', 'createdAt'], 'name', {}),
    response: pageOf(jobSchema),
    async handler({ principal, query, services }) {
      const tenantId = tenantOf(principal);
      const backup = backupOf(services);
      const page = await backup.jobs.page(tenantId, query);
      return { items: await jobViews(services.db, backup, page.items), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'jobs.read',
    method: 'GET',
    path: '/jobs/:id',
    tag: 'jobs',
    summary: 'One backup job with its status',
    permission: 'jobs.read',
    refusals: backupRefusals,
    params: jobParams,
    response: jobSchema,
    async handler({ principal, params, services }) {
      return viewOf(services, await requireJob(services, tenantOf(principal), params.id));
    },
  }),
  defineRoute({
    id: 'jobs.create',
    method: 'POST',
    path: '/jobs',
    tag: 'jobs',
    summary:
      'Creates a daily backup job ("Crea job di backup"); refused with the reason when the licences do not allow it',
    permission: 'jobs.manage',
    refusals: jobAdmissionRefusals,
    requiresSetup: true,
    body: newBackupJobSchema.extend({ confirm: z.literal(true) }),
    response: jobSchema,
    status: 201,
    async handler({ principal, body, services }) {
      const tenantId = tenantOf(principal);
      const { confirm: _confirmed, ...input } = body;
      const backup = backupOf(services);
      await admit(services, tenantId, input);
      let job: BackupJob;
      try {
        job = await backup.jobs.create(tenantId, input, principal.email);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new ApiError(409, 'already_exists', undefined, { what: input.name });
        throw error;
      }
      await backup.scheduling.schedule(job);
      return viewOf(services, job);
    },
    activity: ({ principal }, job) => ({
      tenantId: tenantOf(principal),
      action: 'backup_job.created',
      target: target(job),
      details: { dailyTime: job.dailyTime, retentionYears: job.retentionYears, profile: job.profile },
    }),
  }),
  defineRoute({
    id: 'jobs.update',
    method: 'PATCH',
    path: '/jobs/:id',
    tag: 'jobs',
    summary: 'Edits a backup job; its schedule follows the new daily time',
    permission: 'jobs.manage',
    refusals: jobAdmissionRefusals,
    requiresSetup: true,
    params: jobParams,
    body: z.strictObject(editableFields).partial(),
    response: jobSchema,
    async handler({ principal, params, body, services }) {
      const tenantId = tenantOf(principal);
      const backup = backupOf(services);
      const current = await requireJob(services, tenantId, params.id);
      const { jobId } = current;
      const input: NewBackupJob = {
        name: body.name ?? current.name,
        scope: body.scope ?? current.scope,
        workloads: body.workloads ?? current.workloads,
        dailyTime: body.dailyTime ?? current.dailyTime,
        timeZone: body.timeZone ?? current.timeZone,
        retentionYears: body.retentionYears ?? current.retentionYears,
        profile: body.profile ?? current.profile,
      };
      await admit(services, tenantId, input, current);
      let job: BackupJob | null;
      try {
        job = await backup.jobs.update(tenantId, jobId, input);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new ApiError(409, 'already_exists', undefined, { what: input.name });
        throw error;
      }
      if (!job) throw notFound('backup job');
      await backup.scheduling.schedule(job);
      return viewOf(services, job);
    },
    activity: ({ principal, body }, job) => ({
      tenantId: tenantOf(principal),
      action: 'backup_job.updated',
      target: target(job),
      details: { fields: Object.keys(body).sort().join(',') },
    }),
  }),
  defineRoute({
    id: 'jobs.runNow',
    method: 'POST',
    path: '/jobs/:id/runs',
    tag: 'jobs',
    summary: 'Starts a run of the job now ("Run this job"); follow it in the job log',
    permission: 'jobs.manage',
    refusals: { ...backupRefusals, 409: ['tenant_setup_incomplete'] },
    params: jobParams,
    response: runSummarySchema,
    status: 202,
    async handler({ principal, params, services }) {
      const tenantId = tenantOf(principal);
      const job = await requireJob(services, tenantId, params.id);
      const { userId: id, name, email, role } = principal;
      const outcome = await requestRun(
        { db: services.db, engine: backupOf(services).engine, activity: services.activity },
        { tenantId, jobId: job.jobId, actor: { kind: 'person', id, name, email, role }, requestedBy: email },
      );
      if ('setupMissing' in outcome) {
        const missing = outcome.setupMissing;
        throw new ApiError(409, 'tenant_setup_incomplete', { missing }, missingStepsInWords(missing));
      }
      return runSummary(outcome.started);
    },
    // requestRun wrote `backup_job.run_requested` already: the same entry, through the same code, as the bot's.
    activity: () => [],
  }),
  defineRoute({
    id: 'jobs.delete',
    method: 'DELETE',
    path: '/jobs/:id',
    tag: 'jobs',
    summary:
      'Deletes a backup job at once and irreversibly ("Cancella job"): confirm with its name. Its schedule goes; past runs stay in the job log',
    permission: 'jobs.manage',
    refusals: { ...backupRefusals, 400: ['confirmation_mismatch'] },
    params: jobParams,
    body: z.strictObject({ confirm: z.string().max(80).describe('The job’s name, typed to confirm') }),
    response: z.strictObject({ id: z.string(), name: z.string(), deleted: z.literal(true) }),
    async handler({ principal, params, body, services }) {
      const tenantId = tenantOf(principal);
      const backup = backupOf(services);
      const job = await requireJob(services, tenantId, params.id);
      if (body.confirm !== job.name) {
        throw new ApiError(400, 'confirmation_mismatch', undefined, { expected: job.name });
      }
      await backup.jobs.delete(tenantId, job.jobId);
      await backup.scheduling.unschedule(tenantId, job.jobId);
      await dropCoverage(services.db, tenantId, { jobId: job.jobId });
      return { id: job.jobId, name: job.name, deleted: true as const };
    },
    activity: ({ principal }, job) => ({
      tenantId: tenantOf(principal),
      action: 'backup_job.deleted',
      target: target(job),
    }),
  }),
];
