import type { Refusals } from '../http/route.js';

/** Every restore and export route: this process was started without the restore engine. */
export const restoreRefusals: Refusals = { 503: ['restore_unavailable'] };

/** A selection of backed-up items: an account of the scope, a point in time that exists, neither empty nor too large. */
export const selectionRefusals: Refusals = {
  ...restoreRefusals,
  400: ['point_in_time_ambiguous'],
  404: ['not_found'],
  409: ['run_not_restorable'],
  422: ['selection_too_large', 'selection_empty'],
};

/** "My backups": off until the tenant allows it, and Microsoft 365 must confirm, as the person, that the data is theirs. */
export const selfServiceRefusals: Refusals = {
  403: ['self_service_disabled', 'not_yours'],
  502: ['delegated_access_failed'],
};
