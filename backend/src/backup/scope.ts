import type { ProtectedResource } from '../catalog/index.js';
import type { BackupScope, Workload } from './model.js';
import type { GraphReader } from '../backup-unit/ports.js';

/** A resource a run will back up, before it is in the catalog. */
export type PlannedResource = Omit<ProtectedResource, 'tenantId' | 'firstSeenAt' | 'lastBackupAt' | 'lastRunId'> & {
  workloads: Workload[];
};

interface GraphUser {
  id: string;
  displayName?: string;
  mail?: string | null;
  userPrincipalName?: string;
  '@odata.type'?: string;
}

interface GraphDrive {
  id: string;
  name?: string;
  driveType?: string;
}

interface GraphSite {
  id: string;
  displayName?: string;
  name?: string;
}

interface GraphTeam {
  id: string;
  displayName?: string;
}

const directory = { kind: 'directory' } as const;
const userSelect = '$select=id,displayName,mail,userPrincipalName';

/**
 * Expands a job's scope into resources: the whole organisation, or the members of the chosen
 * groups (transitively) plus those groups' sites and teams. Graph answers 404 for a user without a
 * OneDrive or a group without a team; those are simply not resources.
 */
export async function expandScope(
  graph: GraphReader,
  scope: BackupScope,
  workloads: readonly Workload[],
  isNotFound: (error: unknown) => boolean,
): Promise<PlannedResource[]> {
  const wants = (workload: Workload): boolean => workloads.includes(workload);
  const users = new Map<string, GraphUser>();
  const siteIds = new Set<string>();
  const teams = new Map<string, GraphTeam>();

  if (scope.type === 'organisation') {
    for await (const page of graph.pages<GraphUser>(`/users?${userSelect}`, {
      resource: directory,
      maxPageSize: 999,
    })) {
      for (const user of page) users.set(user.id, user);
    }
    if (wants('sharepoint')) {
      for await (const page of graph.pages<GraphSite>('/sites?search=*', { resource: directory })) {
        for (const site of page) siteIds.add(site.id);
      }
    }
    if (wants('teams')) {
      for await (const page of graph.pages<GraphTeam>('/teams', { resource: directory })) {
        for (const team of page) teams.set(team.id, team);
      }
    }
  } else {
    for (const groupId of scope.groupIds) {
      const group = encodeURIComponent(groupId);
      // Only the users among the members, with their user properties: the OData cast, an advanced query
      // (https://learn.microsoft.com/graph/aad-advanced-queries: "Use of OData cast with transitive members list").
      for await (const page of graph.pages<GraphUser>(
        `/groups/${group}/transitiveMembers/microsoft.graph.user?$count=true&${userSelect}`,
        { resource: directory, headers: { ConsistencyLevel: 'eventual' } },
      )) {
        for (const member of page) users.set(member.id, member);
      }
      if (wants('sharepoint')) {
        const site = await optional(
          graph.getJson<GraphSite>(`/groups/${group}/sites/root`, { resource: directory }),
          isNotFound,
        );
        if (site) siteIds.add(site.id);
      }
      if (wants('teams')) {
        const team = await optional(graph.getJson<GraphTeam>(`/teams/${group}`, { resource: directory }), isNotFound);
        if (team) teams.set(team.id, team);
      }
    }
  }

  const planned: PlannedResource[] = [];
  for (const user of users.values()) {
    const email = (user.mail ?? user.userPrincipalName)?.toLowerCase();
    const owner = { ownerUserId: user.id, ...(email !== undefined && { ownerEmail: email }) };
    const name = user.displayName ?? email ?? user.id;
    if (wants('exchange') && user.mail) {
      planned.push({
        resourceId: `mailbox:${user.id}`,
        kind: 'mailbox',
        graphId: user.id,
        displayName: name,
        ...owner,
        workloads: ['exchange'],
      });
    }
    if (wants('onedrive')) {
      const drive = await optional(
        graph.getJson<GraphDrive>(`/users/${encodeURIComponent(user.id)}/drive`, { resource: directory }),
        isNotFound,
      );
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
  }
  for (const siteId of siteIds) {
    const site = await graph.getJson<GraphSite>(`/sites/${encodeURIComponent(siteId)}`, { resource: directory });
    for await (const page of graph.pages<GraphDrive>(`/sites/${encodeURIComponent(siteId)}/drives`, {
      resource: directory,
    })) {
      for (const drive of page) {
        planned.push({
          resourceId: `sharepoint:${drive.id}`,
          kind: 'sharepoint',
          graphId: drive.id,
          driveId: drive.id,
          siteId,
          displayName: `${site.displayName ?? site.name ?? siteId} — ${drive.name ?? drive.id}`,
          workloads: ['sharepoint'],
        });
      }
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

async function optional<T>(request: Promise<T>, isNotFound: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
