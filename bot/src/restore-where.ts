import type { RestoreRequest } from '@custodia/backend/restore-model/model';
import type { Language } from './language.js';

/** Where a restore put the items, in plain words. */
export function restoreWhere(
  request: Pick<RestoreRequest, 'target' | 'restoreFolderName'>,
  language: Language,
): string {
  const it = language === 'it';
  switch (request.target.type) {
    case 'original':
      return it ? 'nella posizione originale' : 'in their original place';
    case 'newFolder':
      return it ? `nella cartella "${request.restoreFolderName}"` : `in the folder "${request.restoreFolderName}"`;
    case 'otherUser':
      return it
        ? `nella cartella "${request.restoreFolderName}" di un altro utente (${request.target.userId})`
        : `in the folder "${request.restoreFolderName}" of another user (${request.target.userId})`;
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
