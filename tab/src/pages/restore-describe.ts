import { backupsResources } from '../api/generated.js';
import type { RestoreView } from '../api/model.js';
import type { ApiClient } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { keyOf, type Translate } from '../i18n/language.js';

/** Display names of the backed-up accounts by id; people who may not browse backups see the ids. */
export function useAccountNames(api: ApiClient): (resourceId: string) => string {
  const accounts = useResource(() => backupsResources(api), 'backup-resources-names');
  const names = new Map(accounts.phase === 'ready' ? accounts.value.items.map((a) => [a.id, a.displayName]) : []);
  return (resourceId) => names.get(resourceId) ?? resourceId;
}

/** What a restore takes, in words: its selection's kind and the accounts it names. */
export function describeSelection(restore: RestoreView, t: Translate, nameOf: (id: string) => string): string {
  const accounts = restore.selection.resourceIds.map(nameOf).join(', ');
  const what = t(keyOf('restoreSelection', restore.selection.type), { count: restore.selection.items ?? 0 });
  return accounts ? `${what}: ${accounts}` : what;
}

/** Where a restore writes, in words, with the name of the folder it writes into (decided when it was asked). */
export function describeTarget(restore: RestoreView, t: Translate): string {
  switch (restore.target.type) {
    case 'original':
      return t('restoreTarget_original');
    case 'newFolder':
      return t('restoreTargetNewFolderNamed', { name: restore.restoreFolderName });
    case 'otherUser':
      return `${t('restoreTargetOtherUserId', { id: restore.target.userId })} — ${restore.restoreFolderName}`;
  }
}
