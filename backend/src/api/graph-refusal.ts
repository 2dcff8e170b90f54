import { GraphConsentMissing } from '../graph/errors.js';
import { ApiError } from '../http/api-error.js';

/**
 * A failure of Microsoft 365 that the caller can act on, as the API's error: a tenant without (or with revoked) admin
 * consent gets `graph_consent_missing` (409: the tenant's state, not the request, is wrong) rather than a 500.
 * Undefined for anything else, which stays an `internal_error`.
 */
export function graphRefusalAsApiError(error: unknown): ApiError | undefined {
  if (error instanceof GraphConsentMissing)
    return new ApiError(409, 'graph_consent_missing', { entraCode: error.code });
  return undefined;
}
