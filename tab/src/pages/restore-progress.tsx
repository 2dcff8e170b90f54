import type { RestoreProgress } from '../api/model.js';
import { FiguredProgress } from '../components/figured-progress.js';
import { useLanguage } from '../i18n/language.js';

/** Items the restore has finished with, whatever their outcome. */
export function itemsDone(progress: RestoreProgress): number {
  return progress.restored + progress.skipped + progress.failed + progress.exportOnly;
}

export function percentOf(progress: RestoreProgress): number {
  return progress.total === 0 ? 0 : Math.min(1, itemsDone(progress) / progress.total);
}

/** A restore's progress bar with its figure: "40 % · 2 of 5 items". */
export function RestoreProgressBar({ progress, label }: { progress: RestoreProgress; label: string }) {
  const { t } = useLanguage();
  const share = percentOf(progress);
  return (
    <FiguredProgress
      value={share}
      label={label}
      figure={t('restoreProgressFigure', {
        percent: Math.round(share * 100),
        done: itemsDone(progress),
        total: progress.total,
      })}
    />
  );
}
