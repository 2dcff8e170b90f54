import { directoryPageSize, directoryResource, type DirectoryReads } from './directory-reads.js';
import { userSelect, type DirectoryUser } from './users.js';

/** A group of the directory (https://learn.microsoft.com/graph/api/resources/group). */
export interface DirectoryGroup {
  id: string;
  displayName?: string;
  mail?: string | null;
  description?: string | null;
  /** `Unified` for a Microsoft 365 group; security and distribution groups have none. */
  groupTypes?: string[];
  /** `Team` when the group has a team. */
  resourceProvisioningOptions?: string[];
}

const groupSelect = '$select=id,displayName,mail,description,groupTypes,resourceProvisioningOptions';

/** Every group of the organisation, a page at a time (https://learn.microsoft.com/graph/api/group-list). */
export function listGroups(graph: DirectoryReads): AsyncIterable<DirectoryGroup[]> {
  return graph.pages<DirectoryGroup>(`/groups?${groupSelect}`, {
    resource: directoryResource,
    maxPageSize: directoryPageSize,
  });
}

/** A Microsoft 365 group: one with a mailbox, a site and perhaps a team to back up. */
export function isMicrosoft365Group(group: DirectoryGroup): boolean {
  return group.groupTypes?.includes('Unified') ?? false;
}

export function hasTeam(group: DirectoryGroup): boolean {
  return group.resourceProvisioningOptions?.includes('Team') ?? false;
}

/**
 * A group's direct members who are users, a page at a time: a team's members are its Microsoft 365 group's
 * (https://learn.microsoft.com/graph/api/group-list-members, read with `Group.Read.All`, which the backup already has,
 * where the team's own member list would need `TeamMember.Read.All`). The users-only OData cast is an advanced query
 * (https://learn.microsoft.com/graph/aad-advanced-queries), as example 4 of that page sends it.
 */
export function listGroupUserMembers(graph: DirectoryReads, groupId: string): AsyncIterable<DirectoryUser[]> {
  return graph.pages<DirectoryUser>(
    `/groups/${encodeURIComponent(groupId)}/members/microsoft.graph.user?$count=true&${userSelect}`,
    { resource: directoryResource, maxPageSize: directoryPageSize, headers: { ConsistencyLevel: 'eventual' } },
  );
}
