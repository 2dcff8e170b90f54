import { GraphError } from './errors.js';
import type { GraphRequest } from './types.js';

/** The permissions an API page lists: any one of them, application (`roles`) or delegated (`scp`), allows the call. */
export interface RequiredPermissions {
  application: readonly string[];
  delegated: readonly string[];
}

/**
 * Graph authorises a call by the permissions in its token: app-only tokens by their `roles`, delegated tokens by
 * their `scp` (https://learn.microsoft.com/graph/permissions-overview#permission-types). A token without one of the
 * permissions the API page lists is refused with 403; Exchange-backed APIs answer `ErrorAccessDenied`
 * (https://learn.microsoft.com/graph/errors#code-property).
 */
export function requirePermission(request: GraphRequest, required: RequiredPermissions): void {
  const accepted = request.caller.kind === 'app' ? required.application : required.delegated;
  const held = new Set(request.caller.permissions.map((permission) => permission.toLowerCase()));
  if (accepted.some((permission) => held.has(permission.toLowerCase()))) return;
  throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}
