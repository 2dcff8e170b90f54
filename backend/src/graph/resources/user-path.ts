import type { ResourceKey } from '../resource.js';

/**
 * Where Graph keeps everything of one user (`/users/{id | userPrincipalName}`): the root of every mailbox and OneDrive
 * path below, the id encoded as one path segment.
 */
export function userPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}`;
}

/** The budget and concurrency rule of a mailbox's requests. */
export function mailboxResource(userId: string): ResourceKey {
  return { kind: 'mailbox', userId };
}

/** The signed-in person's id, asked with their delegated token (https://learn.microsoft.com/graph/api/user-get). */
export const signedInUserIdPath = '/me?$select=id';
