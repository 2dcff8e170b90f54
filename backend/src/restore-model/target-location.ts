import { splitFolderPath, type ProtectedResource } from '../catalog/index.js';
import type { RequesterLanguage, RestoreTarget } from './model.js';
import { safeName } from './safe-name.js';
import { defineTexts } from '../language/texts.js';

const folderTexts = defineTexts({
  restoredAt: ({ stamp }: { stamp: string }) => ({ it: `Ripristino ${stamp}`, en: `Restored ${stamp}` }),
});

/** Where a restored item lands: a mailbox (user id) or a drive, and the folder path segments inside it. */
export interface TargetLocation {
  readonly kind: 'mailbox' | 'drive';
  /** The mailbox owner's user id, or the drive id. */
  readonly id: string;
  /** Only for another user's OneDrive, whose drive id is looked up when the restore runs. */
  readonly driveOwnerUserId?: string;
  readonly folderPath: string[];
}

/** `Ripristino 2026-05-01 14.30` or `Restored 2026-05-01 14.30`: folder names may not contain `/` or `:`. */
export function restoreFolderName(language: RequesterLanguage, at: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const stamp = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}.${pad(at.getUTCMinutes())}`;
  return folderTexts.text('restoredAt', { stamp }, language);
}

/**
 * The target of an item backed up from `source` at `containerPath`. A new folder keeps the original path beneath
 * it; another user's mailbox or drive gets a folder named after the restore and the original owner.
 */
export function targetLocation(
  source: ProtectedResource,
  containerPath: string,
  target: RestoreTarget,
  folderName: string,
): TargetLocation {
  const original = splitFolderPath(containerPath);
  const kind = source.kind === 'mailbox' ? 'mailbox' : 'drive';
  const sourceId = kind === 'mailbox' ? source.graphId : (source.driveId ?? source.graphId);
  switch (target.type) {
    case 'original':
      return { kind, id: sourceId, folderPath: original };
    case 'newFolder':
      return { kind, id: sourceId, folderPath: [safeName(folderName, 'Restored'), ...original] };
    case 'otherUser':
      return {
        kind,
        id: kind === 'mailbox' ? target.userId : '',
        ...(kind === 'drive' && { driveOwnerUserId: target.userId }),
        // The display name is chosen in Entra ID, not by us: a `/` in it would nest a OneDrive folder.
        folderPath: [safeName(`${folderName} - ${source.displayName}`, folderName), ...original],
      };
  }
}
