import { directoryPageSize, directoryResource, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A person of the directory as Custodia reads them (https://learn.microsoft.com/graph/api/resources/user). */
export interface DirectoryUser {
  id: string;
  displayName?: string;
  /** Null for a user without a mailbox. */
  mail?: string | null;
  userPrincipalName?: string;
}

export const userSelect = '$select=id,displayName,mail,userPrincipalName';

/** Every user of the organisation, a page at a time (https://learn.microsoft.com/graph/api/user-list). */
export function listUsers(graph: DirectoryReads): AsyncIterable<DirectoryUser[]> {
  return graph.pages<DirectoryUser>(`/users?${userSelect}`, {
    resource: directoryResource,
    maxPageSize: directoryPageSize,
  });
}

/** One user, or null when the directory has no such user. */
export function findUser(graph: DirectoryReads, userId: string): Promise<DirectoryUser | null> {
  return unlessNotFound(
    graph.getJson<DirectoryUser>(`/users/${encodeURIComponent(userId)}?${userSelect}`, {
      resource: directoryResource,
    }),
  );
}

/** The address a user is known by: their mail, else their sign-in name, lower case. */
export function userAddress(user: DirectoryUser): string | undefined {
  return (user.mail ?? user.userPrincipalName)?.toLowerCase();
}

/** A user's display name alone, as the bot names the person who acted; undefined when the directory has none. */
export async function readDisplayName(
  graph: Pick<DirectoryReads, 'getJson'>,
  userId: string,
): Promise<string | undefined> {
  const user = await graph.getJson<{ displayName?: string | null }>(
    `/users/${encodeURIComponent(userId)}?$select=displayName`,
    { resource: directoryResource },
  );
  return user.displayName ?? undefined;
}
