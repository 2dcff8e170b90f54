import type { ProtectedResource } from '../catalog/index.js';
import type { BackupScope, Workload } from './model.js';
import { peopleWithProfiles } from './people-profiles.js';
import { profileOfGroup } from './job-profiles.js';
import {
  findGroupSites,
  findTeams,
  findUserDrives,
  getSites,
  listAllSites,
  listDrivesOfSites,
  listTeams,
  siteName,
  userAddress,
  type DirectoryReads,
  type DirectorySite,
  type DirectoryTeam,
} from '../graph/directory/index.js';

/** A resource a run will back up, before it is in the catalog. */
export type PlannedResource = Omit<ProtectedResource, 'tenantId' | 'firstSeenAt' | 'lastBackupAt' | 'lastRunId'> & {
  workloads: Workload[];
  /** The profile the owner is protected under (`peopleWithProfiles`); absent for sites and teams. */
  profile?: string;
};

/**
 * Expands a job's scope into resources: the people in scope with their profile (`peopleWithProfiles`, the reading
 * the licence's seat count uses too) and their mailboxes and OneDrives, plus the whole organisation's sites and
 * teams, or the chosen groups' team sites and teams. A user without a OneDrive or a group without a team is simply
 * not a resource. `profile` is the job's (see `BackupJob.profile`). Where `profileServices` names a profile's services
 * (`servicesOfProfiles`), what its people, or its group's site and team, get is only the job's services it includes.
 */
export async function expandScope(
  graph: DirectoryReads,
  scope: BackupScope,
  workloads: readonly Workload[],
  profile = '',
  profileServices: ReadonlyMap<string, readonly Workload[]> = new Map(),
): Promise<PlannedResource[]> {
  const under = (profileName: string) => (workload: Workload) =>
    workloads.includes(workload) && (profileServices.get(profileName.toLowerCase())?.includes(workload) ?? true);
  const wants = under(profile);
  const people = await peopleWithProfiles(graph, { scope, profile });
  const sites = new Map<string, DirectorySite>();
  const teams = new Map<string, DirectoryTeam>();
  if (scope.type === 'organisation') {
    if (wants('sharepoint'))
      for await (const page of listAllSites(graph)) for (const site of page) sites.set(site.id, site);
    if (wants('teams')) for await (const page of listTeams(graph)) for (const team of page) teams.set(team.id, team);
  } else {
    const wantedBy = (workload: Workload) =>
      scope.groupIds.filter((groupId) => under(profileOfGroup({ scope, profile }, groupId))(workload));
    for (const site of (await findGroupSites(graph, wantedBy('sharepoint'))).values())
      if (site) sites.set(site.id, site);
    for (const team of (await findTeams(graph, wantedBy('teams'))).values()) if (team) teams.set(team.id, team);
  }

  const drives = await findUserDrives(
    graph,
    [...people.values()].filter(({ profile: owner }) => under(owner)('onedrive')).map(({ user }) => user.id),
  );
  const planned: PlannedResource[] = [];
  for (const { user, profile: ownerProfile } of people.values()) {
    const ownerWants = under(ownerProfile);
    const email = userAddress(user);
    const owner = {
      ownerUserId: user.id,
      ...(email !== undefined && { ownerEmail: email }),
      ...(ownerProfile !== '' && { profile: ownerProfile }),
    };
    const name = user.displayName ?? email ?? user.id;
    if (ownerWants('exchange') && user.mail) {
      planned.push({
        resourceId: `mailbox:${user.id}`,
        kind: 'mailbox',
        graphId: user.id,
        displayName: name,
        ...owner,
        workloads: ['exchange'],
      });
    }
    const drive = drives.get(user.id) ?? null;
    if (drive) {
      planned.push({
        resourceId: `onedrive:${drive.id}`,
        kind: 'onedrive',
        graphId: drive.id,
        driveId: drive.id,
        displayName: `OneDrive — ${name}`,
        ...owner,
        workloads: ['onedrive'],
      });
    }
  }
  // A site as the listing (or the group's `sites/root`) gave it is read again only for a display name it lacks
  // (Microsoft's example of the site search shows none: https://learn.microsoft.com/graph/api/site-search).
  const libraries = await listDrivesOfSites(graph, [...sites.keys()]);
  const unnamed = [...sites.values()].filter((site) => site.displayName === undefined).map((site) => site.id);
  const named = await getSites(graph, unnamed);
  for (const [siteId, listed] of sites) {
    const site = named.get(siteId) ?? listed;
    for (const drive of libraries.get(siteId) ?? []) {
      planned.push({
        resourceId: `sharepoint:${drive.id}`,
        kind: 'sharepoint',
        graphId: drive.id,
        driveId: drive.id,
        siteId,
        displayName: `${siteName(site)} — ${drive.name ?? drive.id}`,
        workloads: ['sharepoint'],
      });
    }
  }
  for (const team of teams.values()) {
    planned.push({
      resourceId: `team:${team.id}`,
      kind: 'team',
      graphId: team.id,
      displayName: team.displayName ?? team.id,
      workloads: ['teams'],
    });
  }
  return planned;
}
