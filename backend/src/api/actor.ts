import type { Principal } from '../access/principal.js';
import type { Actor } from '../audit/activity-store.js';

/** How a caller appears in the activity log. */
export function actorOf(principal: Principal): Actor {
  return {
    kind: principal.kind === 'provider' ? 'provider' : 'person',
    id: principal.userId,
    name: principal.name,
    email: principal.email,
    role: principal.role,
  };
}
