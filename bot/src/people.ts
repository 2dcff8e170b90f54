import { isGranted, type Permission } from '@custodia/backend/access/permissions';
import type { PortalRole } from '@custodia/backend/access/principal';
import type { Language } from './language.js';
import type { ProductReads } from './services.js';

/**
 * Who wrote to the bot, as Teams tells us. The display name an activity carries is left out on purpose: anything
 * recorded names the person as the directory knows them (`actor.ts`).
 */
export interface TeamsUser {
  /** The Teams user id (`29:…`), what Universal Actions `refresh.userIds` names. */
  id: string;
  /** Entra object id; bound to a portal user at their first portal sign-in. */
  aadObjectId: string | undefined;
  /** UPN or email, when Teams can tell us; matches invitations not yet bound. */
  email: string | undefined;
}

/** The person behind a turn, as the portal knows them. */
export interface BotPerson extends TeamsUser {
  tenantId: string;
  /** `null` when the organisation is not onboarded in Custodia. */
  role: PortalRole | 'self_service' | null;
  /** The portal user's email, when they are one (the notification settings match on it). */
  portalEmail: string | undefined;
  /** The portal user's name as the portal records it, when they are one. */
  portalName: string | undefined;
  language: Language;
}

/** Maps a Teams user to their portal role in the tenant the conversation belongs to. */
export async function identifyPerson(
  product: ProductReads,
  tenantId: string,
  user: TeamsUser,
  language: Language,
): Promise<BotPerson> {
  const base = { ...user, tenantId, language, portalEmail: undefined, portalName: undefined };
  if (!(await product.isOnboarded(tenantId))) return { ...base, role: null };
  const portalUser = await product.activePortalUser(tenantId, user.aadObjectId ?? '', user.email?.toLowerCase() ?? '');
  if (!portalUser) return { ...base, role: 'self_service' };
  return { ...base, role: portalUser.role, portalEmail: portalUser.email, portalName: portalUser.name };
}

export function may(person: BotPerson, permission: Permission): boolean {
  return person.role !== null && isGranted(person.role, permission);
}
