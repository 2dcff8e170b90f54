import type { RestoreRequest } from '@custodia/backend/restore-model/model';
import type { Language } from './language.js';
import { restoreWhereTexts } from './restore-where-texts.js';

/** Where a restore put the items, in plain words. */
export function restoreWhere(
  request: Pick<RestoreRequest, 'target' | 'restoreFolderName'>,
  language: Language,
): string {
  const t = restoreWhereTexts.in(language);
  switch (request.target.type) {
    case 'original':
      return t.original;
    case 'newFolder':
      return t.newFolder({ folder: request.restoreFolderName });
    case 'otherUser':
      return t.otherUser({ folder: request.restoreFolderName, userId: request.target.userId });
  }
}

const selfServicePrefix = 'self-service:';

/** How the restore service names a requester: `self-service:<object id>` for self-service, else the object id. */
export function requesterIdsOf(aadObjectId: string): string[] {
  return [`${selfServicePrefix}${aadObjectId}`, aadObjectId];
}

/** The Entra object id behind a restore's `requestedBy`. */
export function requesterObjectId(requestedBy: string): string {
  return requestedBy.startsWith(selfServicePrefix) ? requestedBy.slice(selfServicePrefix.length) : requestedBy;
}
