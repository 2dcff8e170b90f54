import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { z } from 'zod';
import type { TenantCollection } from '../db/index.js';
import { findTenantPage, type Page, type PageRequest } from '../http/pagination.js';
import { backupJobsCollection } from './collections.js';
import { allWorkloads, type BackupJob } from './model.js';

// `\S` and `uniqueItems` say in the OpenAPI document what trimming and the refinement refuse.
const profileSchema = z.string().regex(/\S/).trim().min(1).max(40);

/** What a person fills in to create a backup job; validated at every edge that accepts it. */
export const newBackupJobSchema = z
  .object({
    name: z.string().regex(/\S/).trim().min(1).max(80),
    scope: z.discriminatedUnion('type', [
      z.object({ type: z.literal('organisation') }).strict(),
      z
        .object({
          type: z.literal('groups'),
          groupIds: z.array(z.string().min(1).max(100)).min(1).max(500),
          groupProfiles: z
            .record(z.string().min(1).max(100), profileSchema)
            .optional()
            .describe('The profile of each group by group id; a group left out has the job’s `profile`'),
        })
        .strict(),
    ]),
    workloads: z
      .array(z.enum(allWorkloads as unknown as ['exchange', 'onedrive', 'sharepoint', 'teams']))
      .min(1)
      .max(allWorkloads.length)
      .refine((list) => new Set(list).size === list.length, 'each workload at most once')
      .meta({ uniqueItems: true }),
    dailyTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 00:00 to 23:59'),
    timeZone: z.string().min(1).max(64).default('Europe/Rome'),
    retentionYears: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(10)]),
    profile: profileSchema
      .default('Gold')
      .describe('The whole organisation’s profile, or that of each group `scope.groupProfiles` leaves out'),
  })
  .strict();

export type NewBackupJob = z.input<typeof newBackupJobSchema>;

/** Backup job definitions of one tenant. Scheduling and licence checks sit on top of this. */
export class BackupJobs {
  private readonly jobs: TenantCollection<BackupJob>;

  constructor(db: Db) {
    this.jobs = backupJobsCollection.scoped(db);
  }

  async create(tenantId: string, input: NewBackupJob, createdBy: string): Promise<BackupJob> {
    const valid = newBackupJobSchema.parse(input);
    const job: BackupJob = { ...valid, tenantId, jobId: randomUUID(), createdAt: new Date(), createdBy };
    await this.jobs.insertOne(tenantId, job);
    return job;
  }

  get(tenantId: string, jobId: string): Promise<BackupJob | null> {
    return this.jobs.findOne(tenantId, { jobId });
  }

  list(tenantId: string): Promise<BackupJob[]> {
    return this.jobs.find(tenantId, {}, { sort: { name: 1 } }).toArray();
  }

  /** One page of the tenant's jobs (the Overview tab's list). */
  page(tenantId: string, request: PageRequest): Promise<Page<BackupJob>> {
    return findTenantPage(this.jobs, tenantId, {}, request, 'jobId');
  }

  /** Replaces what a person configured; the id, creation and author stay. Null when the job is gone. */
  async update(tenantId: string, jobId: string, input: NewBackupJob): Promise<BackupJob | null> {
    const valid = newBackupJobSchema.parse(input);
    const result = await this.jobs.updateOne(tenantId, { jobId }, { $set: valid });
    return result.matchedCount === 1 ? this.get(tenantId, jobId) : null;
  }

  async delete(tenantId: string, jobId: string): Promise<boolean> {
    return (await this.jobs.deleteOne(tenantId, { jobId })).deletedCount === 1;
  }
}
