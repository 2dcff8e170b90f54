import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { listQuery, pageOf } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { catalogResourceId, filterText, isoOrNull, tenantOf } from '../http/schemas.js';
import { BackupJobs } from '../backup/backup-jobs.js';
import { ResourceReads, type ProtectedResource } from '../catalog/index.js';
import { coverageOf } from '../backup/job-coverage.js';
import { higherProfile } from '../backup/job-profiles.js';
import { accountFilter } from './item-filter.js';
import { purgeResourceBackup } from './purge-backup.js';
import type { Db } from 'mongodb';

const resourceKinds = ['mailbox', 'onedrive', 'sharepoint', 'team'] as const;
const resourceParams = z.strictObject({ id: catalogResourceId });

const itemSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(resourceKinds),
  displayName: z.string(),
  ownerEmail: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  memberEmails: z
    .array(z.string())
    .describe('For a team, the addresses of its members at its last backup (empty before one, and for other accounts)'),
  protected: z.boolean(),
  jobs: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      profile: z
        .string()
        .describe('The profile the account is protected under by this job (its group’s, or the job’s)'),
    }),
  ),
  consumes: z
    .array(z.strictObject({ profile: z.string(), retentionYears: z.number().int() }))
    .describe(
      'The plans the account counts in, as the licence counts seats: per retention tier, the highest profile of the jobs covering it',
    ),
  lastBackupAt: z.string().nullable(),
  storedBytes: z.number().int(),
});

/** Per retention tier, the highest profile among the jobs covering an account: what its seat is counted under. */
function plansConsumed(covering: readonly { profile: string; retentionYears: number }[]) {
  const byTier = new Map<number, string>();
  for (const { profile, retentionYears } of covering) {
    const held = byTier.get(retentionYears);
    byTier.set(retentionYears, held === undefined ? profile : higherProfile(held, profile));
  }
  return [...byTier].map(([retentionYears, profile]) => ({ profile, retentionYears }));
}

/**
 * A page of accounts with protection and consumption: two queries for the page, whatever its size; the bytes are
 * the account's own (`storedBytes`, counted when its backup completes), never summed from its versions here.
 */
async function itemViews(db: Db, tenantId: string, resources: readonly ProtectedResource[]) {
  const ids = resources.map((resource) => resource.resourceId);
  const [coverage, jobs] = await Promise.all([coverageOf(db, tenantId, ids), new BackupJobs(db).list(tenantId)]);
  const jobsById = new Map(jobs.map((job) => [job.jobId, job]));
  return resources.map((resource) => {
    const covering = coverage.flatMap((row) => {
      const job = jobsById.get(row.jobId);
      // A row from before per-group profiles was made under the job's one profile.
      return row.resourceId === resource.resourceId && job
        ? [{ id: job.jobId, name: job.name, profile: row.profile ?? job.profile, retentionYears: job.retentionYears }]
        : [];
    });
    return {
      id: resource.resourceId,
      kind: resource.kind,
      displayName: resource.displayName,
      ownerEmail: resource.ownerEmail ?? null,
      ownerUserId: resource.ownerUserId ?? null,
      memberEmails: (resource.members ?? []).flatMap((member) => (member.email === undefined ? [] : [member.email])),
      protected: covering.length > 0,
      jobs: covering.map(({ id, name, profile }) => ({ id, name, profile })),
      consumes: plansConsumed(covering),
      lastBackupAt: isoOrNull(resource.lastBackupAt),
      storedBytes: resource.storedBytes ?? 0,
    };
  });
}

/** The Items tab ("Elementi"): every account with type, protection and consumption; "Delete backup". */
export const itemRoutes = [
  defineRoute({
    id: 'items.list',
    method: 'GET',
    path: '/items',
    tag: 'items',
    summary:
      'Every account the backups know (mailboxes, OneDrives, site libraries, teams) with the jobs covering it and its stored bytes',
    permission: 'items.read',
    query: listQuery(['displayName', 'ownerEmail'], 'displayName', {
      kind: z.enum(resourceKinds).optional(),
      q: filterText.optional().describe('Part of the account’s name or e-mail address, case ignored'),
      protection: z
        .enum(['protected', 'unprotected'])
        .optional()
        .describe('Only accounts a job includes (protected), or only those none includes'),
      owner: z
        .union([z.enum(['person', 'none']), z.email().max(320)])
        .optional()
        .describe(
          'Only a person’s accounts (mailboxes, OneDrives), or only those of no person (sites, teams); or, an e-mail address, that person’s own accounts and the teams they are a member of',
        ),
    }),
    response: pageOf(itemSchema),
    async handler({ principal, query, services }) {
      const tenantId = tenantOf(principal);
      const filter = await accountFilter(services.db, tenantId, query);
      const page = await new ResourceReads(services.db).page(tenantId, filter, query);
      return { items: await itemViews(services.db, tenantId, page.items), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'items.deleteBackup',
    method: 'DELETE',
    path: '/items/:id',
    tag: 'items',
    summary:
      'Deletes an account’s backup ("Delete backup"): confirm with the account’s name. Irreversible; a job that still covers the account backs it up again from scratch',
    permission: 'items.delete_backup',
    refusals: { 400: ['confirmation_mismatch'], 409: ['resource_busy'] },
    params: resourceParams,
    body: z.strictObject({ confirm: z.string().max(300).describe('The account’s display name, typed to confirm') }),
    response: z.strictObject({
      id: z.string(),
      displayName: z.string(),
      itemVersions: z.number().int(),
      folders: z.number().int(),
      deltaCursors: z.number().int(),
    }),
    async handler({ principal, params, body, services }) {
      const tenantId = tenantOf(principal);
      const resource = await new ResourceReads(services.db).get(tenantId, params.id);
      if (!resource) throw notFound('account');
      if (body.confirm !== resource.displayName) {
        throw new ApiError(400, 'confirmation_mismatch', undefined, { expected: resource.displayName });
      }
      const counts = await purgeResourceBackup(services.db, tenantId, resource.resourceId);
      return { id: resource.resourceId, displayName: resource.displayName, ...counts };
    },
    activity: ({ principal }, purged) => ({
      tenantId: tenantOf(principal),
      action: 'backup_data.deleted',
      target: { type: 'account', id: purged.id, label: purged.displayName },
      details: { itemVersions: purged.itemVersions, folders: purged.folders },
    }),
  }),
];
