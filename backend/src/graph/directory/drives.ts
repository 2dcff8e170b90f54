import { directoryResource, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A document library: a user's OneDrive or one of a site's libraries (https://learn.microsoft.com/graph/api/resources/drive). */
export interface DriveSummary {
  id: string;
  name?: string;
  driveType?: string;
}

/** The user's OneDrive, or null when the user has none (Graph answers 404: https://learn.microsoft.com/graph/api/drive-get). */
export function findUserDrive(graph: DirectoryReads, userId: string): Promise<DriveSummary | null> {
  return unlessNotFound(
    graph.getJson<DriveSummary>(`/users/${encodeURIComponent(userId)}/drive`, { resource: directoryResource }),
  );
}

/** A site's document libraries, a page at a time (https://learn.microsoft.com/graph/api/drive-list). */
export function listSiteDrives(graph: DirectoryReads, siteId: string): AsyncIterable<DriveSummary[]> {
  return graph.pages<DriveSummary>(`/sites/${encodeURIComponent(siteId)}/drives`, { resource: directoryResource });
}
