import { directoryResource, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A document library: a user's OneDrive or one of a site's libraries (https://learn.microsoft.com/graph/api/resources/drive). */
export interface DriveSummary {
  id: string;
  name?: string;
  driveType?: string;
}

/** Reads one round of batches sends: five batches of 20 at once, however large the directory. */
const readsPerRound = 100;

/**
 * The answers to independent GETs, in their order, sent 20 to a JSON batch (https://learn.microsoft.com/graph/json-batching)
 * rather than one request each, one after the other. Graph still counts, and throttles, each sub-request.
 */
async function batchedReads(
  graph: DirectoryReads,
  paths: readonly string[],
): Promise<({ status: number; body: unknown } | undefined)[]> {
  const answers: ({ status: number; body: unknown } | undefined)[] = [];
  for (let start = 0; start < paths.length; start += readsPerRound) {
    const round = paths.slice(start, start + readsPerRound);
    const batch = round.map((url, index) => ({ id: String(index), method: 'GET' as const, url }));
    const answered = await graph.batch(batch, { resource: directoryResource });
    answers.push(...round.map((_, index) => answered[index]));
  }
  return answers;
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
export async function findUserDrives(
  graph: DirectoryReads,
  userIds: readonly string[],
): Promise<Map<string, DriveSummary | null>> {
  const answers = await batchedReads(graph, userIds.map(userDrivePath));
  const drives = new Map<string, DriveSummary | null>();
  for (const [index, userId] of userIds.entries()) {
    const answer = answers[index];
    if (answer?.status === 200) drives.set(userId, answer.body as DriveSummary);
    else if (answer?.status === 404) drives.set(userId, null);
    else drives.set(userId, await findUserDrive(graph, userId));
  }
  return drives;
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
