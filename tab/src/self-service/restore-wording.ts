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

/** Items handled so far out of the total. */
export function handledOf(restore: RestoreView): { done: number; total: number } {
  const { progress } = restore;
  return { done: progress.restored + progress.skipped + progress.failed + progress.exportOnly, total: progress.total };
}
