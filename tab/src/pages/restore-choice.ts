import type { BackedUpFolder, ItemVersion, PointInTime, RestorePoint, RestoreSelection } from '../api/model.js';

/** When to restore as of: the latest backup, the end of one run (a restore point), or an instant typed in. */
export type PointChoice =
  | { readonly kind: 'latest' }
  | { readonly kind: 'run'; readonly point: RestorePoint }
  | { readonly kind: 'at'; readonly local: string };

/** What the person chose to restore in one account. */
export type ScopeChoice = 'items' | 'folder' | 'resource' | 'search';

export interface RestoreChoice {
  readonly resourceId: string;
  readonly point: PointChoice;
  readonly scope: ScopeChoice;
  readonly picked: readonly ItemVersion[];
  readonly folder: BackedUpFolder | undefined;
  readonly includeSubfolders: boolean;
  readonly words: readonly string[];
}

/** The instant the catalog is browsed at (undefined: now, the latest backup). */
export function browseInstant(point: PointChoice): string | undefined {
  if (point.kind === 'run') return point.point.finishedAt;
  if (point.kind === 'at' && point.local) return new Date(point.local).toISOString();
  return undefined;
}

function pointOf(point: PointChoice): PointInTime {
  if (point.kind === 'run') return { asOfRun: point.point.runId };
  const at = browseInstant(point);
  return at ? { at } : {};
}

/** The API's selection for the choice, or undefined while the choice names nothing to restore. */
export function selectionOf(choice: RestoreChoice): RestoreSelection | undefined {
  const { resourceId } = choice;
  switch (choice.scope) {
    case 'items':
      return choice.picked.length > 0 ? { type: 'versions', versionIds: choice.picked.map((v) => v.id) } : undefined;
    case 'folder':
      return choice.folder
        ? {
            type: 'folder',
            resourceId,
            containerId: choice.folder.id,
            includeSubfolders: choice.includeSubfolders,
            ...pointOf(choice.point),
          }
        : undefined;
    case 'resource':
      return { type: 'resource', resourceId, ...pointOf(choice.point) };
    case 'search':
      return choice.words.length > 0
        ? { type: 'search', words: [...choice.words], resourceIds: [resourceId], ...pointOf(choice.point) }
        : undefined;
  }
}

/** Entra object ids, as the API accepts them for another person's mailbox or OneDrive. */
export const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mailbox's catalog id names its owner: `mailbox:<user id>`. */
export function mailboxOwnerId(resourceId: string): string | undefined {
  const [kind, id] = resourceId.split(':');
  return kind === 'mailbox' && id && guidPattern.test(id) ? id : undefined;
}
