import { randomUUID } from 'node:crypto';
import { ApiError } from '../http/api-error.js';
import type { RouteServices } from '../http/route.js';
import type { PortalRole } from '../access/principal.js';
import { readSettings } from '../settings/settings-store.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import type { ProviderProfile } from '../tenants/provider-profile.js';
import { findTenant } from '../tenants/tenant-store.js';
import { portalUsers, type PortalUser } from './portal-user-store.js';
import { composeWelcomeLetter } from './welcome-letter.js';

/** What an invitation reaches: the welcome letter names the provider and the portal, and goes to the outbox. */
export interface InvitationServices extends RouteServices {
  readonly provider: ProviderProfile;
  /** Where people open the product (the welcome letter links there). */
  readonly portalUrl: string;
  readonly outbox: MailOutbox;
}

export interface Invitation {
  readonly name: string;
  readonly email: string;
  readonly role: PortalRole;
}

/**
 * Invites a person to a tenant's portal (or re-invites a revoked one) and puts their welcome
 * letter in the outbox in the same step, keyed by the invitation so it is enqueued once.
 */
export async function invitePortalUser(
  services: InvitationServices,
  tenantId: string,
  invitation: Invitation,
  invitedBy: string,
): Promise<PortalUser> {
  const scoped = portalUsers.scoped(services.db);
  const existing = await scoped.findOne(tenantId, { email: invitation.email }, { projection: { _id: 0 } });
  if (existing && existing.status !== 'revoked') {
    throw new ApiError(409, 'already_exists', { email: invitation.email }, { what: invitation.email });
  }
  const now = services.clock();
  const user: PortalUser = {
    tenantId,
    id: existing?.id ?? randomUUID(),
    name: invitation.name,
    email: invitation.email,
    role: invitation.role,
    status: 'invited',
    invitedAt: now,
    invitedBy,
  };
  if (existing) {
    await scoped.updateOne(
      tenantId,
      { id: existing.id, status: 'revoked' },
      { $set: { ...user }, $unset: { userId: '', revokedAt: '', termsAccepted: '', lastSignInAt: '' } },
    );
  } else {
    await scoped.insertOne(tenantId, { ...user });
  }
  await enqueueWelcomeLetter(services, user);
  return user;
}

async function enqueueWelcomeLetter(services: InvitationServices, user: PortalUser): Promise<void> {
  const [tenant, settings] = await Promise.all([
    findTenant(services.db, user.tenantId),
    readSettings(services.db, user.tenantId),
  ]);
  const letter = composeWelcomeLetter({
    name: user.name,
    role: user.role,
    tenantName: tenant?.name ?? user.tenantId,
    providerName: services.provider.name,
    portalUrl: services.portalUrl,
    language: settings.defaultLanguage,
  });
  await services.outbox.enqueue({
    tenantId: user.tenantId,
    key: `welcome:${user.id}:${user.invitedAt.toISOString()}`,
    kind: 'welcome_letter',
    // The provider welcomes the customer's people from its own mailbox: the first letter cannot wait for a sender
    // the customer sets only once signed in.
    from: 'provider',
    to: { name: user.name, email: user.email },
    ...letter,
  });
}
