import { batchedReads, directoryResource, readEach, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A document library: a user's OneDrive or one of a site's libraries (https://learn.microsoft.com/graph/api/resources/drive). */
export interface DriveSummary {
  id: string;
  name?: string;
  driveType?: string;
}

const userDrivePath = (userId: string): string => `/users/${encodeURIComponent(userId)}/drive`;

/** The user's OneDrive, or null when the user has none (Graph answers 404: https://learn.microsoft.com/graph/api/drive-get). */
export function findUserDrive(graph: DirectoryReads, userId: string): Promise<DriveSummary | null> {
  return unlessNotFound(graph.getJson<DriveSummary>(userDrivePath(userId), { resource: directoryResource }));
}

/**
 * Each user's OneDrive, or null for a user without one, read in batches: planning a run of 10,000 people sends 500
 * requests, not 10,000 one after the other. A lookup answered neither 200 nor 404 is read again alone, so that its
 * error reaches the caller exactly as findUserDrive's would.
 */
export function findUserDrives(
  graph: DirectoryReads,
  userIds: readonly string[],
): Promise<Map<string, DriveSummary | null>> {
  return readEach(
    graph,
    userIds,
    { path: userDrivePath, alone: (userId) => findUserDrive(graph, userId) },
    { value: null },
  );
}

const siteDrivesPath = (siteId: string): string => `/sites/${encodeURIComponent(siteId)}/drives`;

/**
 * Each site's document libraries: the first page of each site's list read in batches, any further page followed by
 * its `@odata.nextLink` (https://learn.microsoft.com/graph/api/drive-list). A list answered other than 200 is read
 * again alone, from its first page, so that its error reaches the caller as it would without the batch.
 */
export async function listDrivesOfSites(
  graph: DirectoryReads,
  siteIds: readonly string[],
): Promise<Map<string, DriveSummary[]>> {
  const answers = await batchedReads(graph, siteIds.map(siteDrivesPath));
  const libraries = new Map<string, DriveSummary[]>();
  for (const [index, siteId] of siteIds.entries()) {
    const answer = answers[index];
    const page = answer?.body as { value?: DriveSummary[]; '@odata.nextLink'?: string } | undefined;
    const ok = answer?.status === 200 && page !== undefined;
    const drives = ok ? [...(page.value ?? [])] : [];
    const next = ok ? page['@odata.nextLink'] : siteDrivesPath(siteId);
    if (next !== undefined)
      for await (const more of graph.pages<DriveSummary>(next, { resource: directoryResource })) drives.push(...more);
    libraries.set(siteId, drives);
  }
  return libraries;
}
