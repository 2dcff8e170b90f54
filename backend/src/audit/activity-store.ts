import { defineTenantCollection } from '../db/index.js';

export type ActorKind = 'person' | 'provider' | 'system';

export interface Actor {
  kind: ActorKind;
  /** Entra object id of the person, or the name of the system component. */
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface ActivityTarget {
  type: string;
  id: string;
  label?: string;
}

export type ActivityDetails = Record<string, string | number | boolean | null>;

/** One row of a tenant's activity log: append-only, each carrying the hash of the one before. */
export interface ActivityEntry {
  tenantId: string;
  /** 1, 2, 3… per tenant without gaps: a gap is a deleted row. */
  seq: number;
  at: Date;
  actor: Actor;
  /** `<category>.<verb>`, e.g. `portal_user.invited`. */
  action: string;
  category: string;
  target?: ActivityTarget;
  details?: ActivityDetails;
  prevHash: string;
  hash: string;
  /** `hmac-sha256`: `hash` is keyed (see activity-seal.ts); absent on rows written before rows were sealed. */
  seal?: 'hmac-sha256';
}

export const activityEntries = defineTenantCollection<ActivityEntry>('activity_log', [
  { key: { tenantId: 1, seq: 1 }, unique: true, name: 'tenant_seq' },
  { key: { tenantId: 1, category: 1, seq: 1 }, name: 'tenant_category_seq' },
  { key: { tenantId: 1, 'actor.email': 1, seq: 1 }, name: 'tenant_actor_seq' },
  { key: { tenantId: 1, at: 1 }, name: 'tenant_at' },
]);

/**
 * The latest sequence number and hash of each tenant's log, kept apart from the rows so that
 * deleting the newest rows (which leaves no gap behind) is still detected.
 */
export interface ActivityHead {
  tenantId: string;
  seq: number;
  hash: string;
}

export const activityHeads = defineTenantCollection<ActivityHead>('activity_heads', [
  { key: { tenantId: 1 }, unique: true, name: 'tenant' },
]);
