/** The Graph resource a request works on: it selects the budget, the concurrency rule and the counters. */
export type ResourceKey =
  | { kind: 'mailbox'; userId: string }
  | { kind: 'drive'; driveId: string }
  | { kind: 'directory' }
  | { kind: 'team'; teamId: string };

/** A stable, readable name for the resource, used in counters, logs and errors. */
export function resourceLabel(resource: ResourceKey): string {
  switch (resource.kind) {
    case 'mailbox':
      return `mailbox:${resource.userId}`;
    case 'drive':
      return `drive:${resource.driveId}`;
    case 'directory':
      return 'directory';
    case 'team':
      return `team:${resource.teamId}`;
  }
}
