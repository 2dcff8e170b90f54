import type { RestoreView } from '../api/model.js';
import type { Translate } from '../i18n/language.js';

/** What a restore request covers, in a few words. */
export function describeSelection(restore: RestoreView, t: Translate): string {
  const { selection } = restore;
  switch (selection.type) {
    case 'versions':
      return t('requestsWhatItems', { count: selection.items ?? 0 });
    case 'folder':
      return t('requestsWhatFolder');
    case 'resource':
      return t('requestsWhatAccount');
    case 'search':
      return t('requestsWhatSearch', { words: selection.words.join(' ') });
  }
}
