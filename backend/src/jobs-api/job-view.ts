import { z } from 'zod';
import { iso, isoOrNull } from '../http/schemas.js';
import { latestRuns } from '../backup/run-reads.js';
import type { BackupJob, BackupRun, RunProgress } from '../backup/model.js';
import { groupProfilesOf } from '../backup/job-profiles.js';
import type { BackupApiServices } from './backup-services.js';
import { progressSchema, runSummary, runSummarySchema } from './run-view.js';
import type { Db } from 'mongodb';

/** How the Overview tab shows a job: "Stopped" until its first run. */
export const jobStatuses = ['stopped', 'running', 'succeeded', 'warning', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: z.union([
    z.strictObject({ type: z.literal('organisation') }),
    z.strictObject({
      type: z.literal('groups'),
      groupIds: z.array(z.string()),
      groupProfiles: z
        .record(z.string(), z.string())
        .describe('Every group of the job with the profile its members are protected under'),
    }),
  ]),
  workloads: z.array(z.enum(['exchange', 'onedrive', 'sharepoint', 'teams'])),
  dailyTime: z.string(),
  timeZone: z.string(),
  retentionYears: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(10)]),
  profile: z
    .string()
    .describe('The whole organisation’s profile; for groups, each has its own in `scope.groupProfiles`'),
  createdAt: z.string(),
  createdBy: z.string(),
  status: z.enum(jobStatuses),
  lastRun: runSummarySchema.nullable(),
  nextRunAt: z.string().nullable(),
  /** Live progress of the running run (summed from its units when read). */
  progress: progressSchema.nullable(),
});

export type JobView = z.input<typeof jobSchema>;

function statusOf(run: BackupRun | undefined): JobStatus {
  if (!run) return 'stopped';
  return run.status === 'queued' ? 'running' : run.status;
}

/** Jobs with their status, last and next run, and the live progress of a running one. */
export async function jobViews(db: Db, backup: BackupApiServices, jobs: readonly BackupJob[]): Promise<JobView[]> {
  const tenantId = jobs[0]?.tenantId;
  if (tenantId === undefined) return [];
  const [runs, next] = await Promise.all([
    latestRuns(
      db,
      tenantId,
      jobs.map((job) => job.jobId),
    ),
    backup.scheduling.nextRuns(tenantId),
  ]);
  return Promise.all(
    jobs.map(async (job) => {
      const run = runs.get(job.jobId);
      const status = statusOf(run);
      let progress: RunProgress | null = null;
      if (run && status === 'running') progress = (await backup.engine.run(tenantId, run.runId))?.progress ?? null;
      return {
        id: job.jobId,
        name: job.name,
        scope:
          job.scope.type === 'groups'
            ? { type: 'groups' as const, groupIds: job.scope.groupIds, groupProfiles: groupProfilesOf(job) }
            : job.scope,
        workloads: job.workloads,
        dailyTime: job.dailyTime,
        timeZone: job.timeZone,
        retentionYears: job.retentionYears,
        profile: job.profile,
        createdAt: iso(job.createdAt),
        createdBy: job.createdBy,
        status,
        lastRun: run ? runSummary(run) : null,
        nextRunAt: isoOrNull(next.get(job.jobId) ?? undefined),
        progress,
      };
    }),
  );
}
