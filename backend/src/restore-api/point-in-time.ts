import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { findRun } from '../backup/run-reads.js';
import type { SelectionInput } from './request-schemas.js';

/**
 * The instant a selection is restored "as of": its `at`, or when the named run finished (a run that never finished
 * has no consistent point to restore to). Undefined means the latest backup.
 */
export async function pointInTimeOf(db: Db, tenantId: string, input: SelectionInput): Promise<Date | undefined> {
  if (input.type === 'versions') return undefined;
  if (input.at && input.asOfRun) throw new ApiError(400, 'point_in_time_ambiguous');
  if (input.at) return new Date(input.at);
  if (!input.asOfRun) return undefined;
  const run = await findRun(db, tenantId, input.asOfRun);
  if (!run) throw new ApiError(404, 'not_found', undefined, { what: 'run' });
  if (!run.finishedAt || (run.status !== 'succeeded' && run.status !== 'warning')) {
    throw new ApiError(409, 'run_not_restorable');
  }
  return run.finishedAt;
}
