import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { pageArray, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { filterText, tenantOf } from '../http/schemas.js';
import { backupOf, type BackupRouteServices } from './backup-services.js';
import { hasTeam, isMicrosoft365Group, listGroups } from '../graph/directory/index.js';

const defineRoute = routeDefiner<BackupRouteServices>();

const groupSchema = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  mail: z.string().nullable(),
  description: z.string().nullable(),
  /** The group has a team (its channels are backed up with the Teams workload). */
  hasTeam: z.boolean(),
});

/** Group ids as a job's scope holds them, comma-separated in a query. */
const groupIdList = z
  .string()
  .regex(/^[^,\s]{1,100}(,[^,\s]{1,100}){0,99}$/, 'up to 100 group ids, comma-separated')
  .transform((list) => list.split(','));

/** The customer's Microsoft 365 groups, for choosing a job's scope by name rather than by object id. */
export const directoryRoutes = [
  defineRoute({
    id: 'directory.groups',
    method: 'GET',
    path: '/directory/groups',
    tag: 'jobs',
    summary: 'The tenant’s Microsoft 365 groups (name, address, whether it has a team), read from Microsoft 365 now',
    permission: 'jobs.manage',
    refusals: { 409: ['graph_consent_missing'], 503: ['backup_unavailable'] },
    requiresSetup: true,
    query: z.strictObject({
      q: filterText.optional().describe('Words of the name or address'),
      ids: groupIdList
        .optional()
        .describe('Only these groups, by id, comma-separated (at most 100): the names of groups a job already names'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(64).optional(),
    }),
    response: pageOf(groupSchema),
    async handler({ principal, query, services }) {
      const { directory } = backupOf(services);
      if (!directory) throw new ApiError(503, 'backup_unavailable');
      const graph = await directory.graphFor(tenantOf(principal));
      const wanted = query.q?.toLocaleLowerCase('it');
      const only = query.ids && new Set(query.ids);
      const groups: z.input<typeof groupSchema>[] = [];
      for await (const page of listGroups(graph)) {
        for (const group of page) {
          // Microsoft 365 groups only: security and distribution groups have no mailbox or site to back up.
          if (!isMicrosoft365Group(group) || (only && !only.has(group.id))) continue;
          const name = group.displayName ?? '';
          const mail = group.mail ?? null;
          if (wanted && !`${name} ${mail ?? ''}`.toLocaleLowerCase('it').includes(wanted)) continue;
          groups.push({
            id: group.id,
            displayName: name,
            mail,
            description: group.description ?? null,
            hasTeam: hasTeam(group),
          });
        }
      }
      groups.sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
      return pageArray(groups, query);
    },
  }),
];
