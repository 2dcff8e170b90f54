import type { RestoreItem, RestoreProgress } from '../restore-model/model.js';

export function emptyProgress(total = 0): RestoreProgress {
  return { total, restored: 0, skipped: 0, failed: 0, verified: 0, mismatched: 0, exportOnly: 0 };
}

/** Adds one finished item's outcome to the counts. */
export function countOutcome(progress: RestoreProgress, item: Pick<RestoreItem, 'state' | 'verified'>): void {
  if (item.state === 'restored') {
    progress.restored += 1;
    if (item.verified === true) progress.verified += 1;
    if (item.verified === false) progress.mismatched += 1;
  } else if (item.state === 'skipped') progress.skipped += 1;
  else if (item.state === 'failed') progress.failed += 1;
  else if (item.state === 'exportOnly') progress.exportOnly += 1;
}
