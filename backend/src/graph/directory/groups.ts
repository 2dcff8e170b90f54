import { directoryPageSize, directoryResource, type DirectoryReads } from './directory-reads.js';

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
