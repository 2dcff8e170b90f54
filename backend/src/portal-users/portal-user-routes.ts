import type { Db } from 'mongodb';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { findTenantPage, listQuery, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { emailAddress, idParams, iso, isoOrNull, personName, someFields, tenantOf } from '../http/schemas.js';
import { portalRoles, type PortalRole } from '../access/principal.js';
import { invitePortalUser, type InvitationServices } from './invitation.js';
import { portalUsers, type PortalUser } from './portal-user-store.js';

const defineRoute = routeDefiner<InvitationServices>();

const portalUserSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(portalRoles),
  status: z.enum(['invited', 'active', 'revoked']),
  invitedAt: z.iso.datetime(),
  invitedBy: z.string(),
  lastSignInAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  termsAcceptedVersion: z.string().nullable(),
});

function view(user: PortalUser): z.input<typeof portalUserSchema> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    invitedAt: iso(user.invitedAt),
    invitedBy: user.invitedBy,
    lastSignInAt: isoOrNull(user.lastSignInAt),
    revokedAt: isoOrNull(user.revokedAt),
    termsAcceptedVersion: user.termsAccepted?.version ?? null,
  };
}

async function requireUser(db: Db, tenantId: string, id: string): Promise<PortalUser> {
  const user = await portalUsers.scoped(db).findOne(tenantId, { id }, { projection: { _id: 0 } });
  if (!user) throw notFound('portal user');
  return user;
}

/** A tenant always keeps one administrator who can sign in: the last one cannot be revoked or demoted. */
async function keepsAnAdmin(
  db: Db,
  tenantId: string,
  user: PortalUser,
  newRole: PortalRole | 'revoked',
): Promise<void> {
  if (user.role !== 'tenant_admin' || user.status === 'revoked' || newRole === 'tenant_admin') return;
  const admins = await portalUsers
    .scoped(db)
    .countDocuments(tenantId, { role: 'tenant_admin', status: { $ne: 'revoked' }, id: { $ne: user.id } });
  if (admins === 0) throw new ApiError(409, 'last_admin');
}

const target = (user: { id: string; email: string }) => ({ type: 'portal_user', id: user.id, label: user.email });

export const portalUserRoutes = [
  defineRoute({
    id: 'portalUsers.list',
    method: 'GET',
    path: '/portal-users',
    tag: 'portal-users',
    summary: 'The people who may use the portal, with their roles',
    permission: 'portal_users.read',
    query: listQuery(['name', 'email', 'invitedAt'], 'name', {
      role: z.enum(portalRoles).optional(),
      status: z.enum(['invited', 'active', 'revoked']).optional(),
    }),
    response: pageOf(portalUserSchema),
    async handler({ principal, query, services }) {
      const page = await findTenantPage(
        portalUsers.scoped(services.db),
        tenantOf(principal),
        {
          ...(query.role && { role: query.role }),
          ...(query.status && { status: query.status }),
        },
        query,
      );
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'portalUsers.read',
    method: 'GET',
    path: '/portal-users/:id',
    tag: 'portal-users',
    summary: 'One portal user',
    permission: 'portal_users.read',
    params: idParams,
    response: portalUserSchema,
    async handler({ principal, params, services }) {
      return view(await requireUser(services.db, tenantOf(principal), params.id));
    },
  }),
  defineRoute({
    id: 'portalUsers.invite',
    method: 'POST',
    path: '/portal-users',
    tag: 'portal-users',
    summary: "Invites a person by name and email with a role; the provider's mailbox sends the welcome letter",
    permission: 'portal_users.manage',
    refusals: { 409: ['already_exists'] },
    requiresSetup: true,
    body: z.strictObject({ name: personName, email: emailAddress, role: z.enum(portalRoles) }),
    response: portalUserSchema.extend({
      welcomeLetter: z
        .enum(['on_its_way', 'waits_for_provider_mailbox'])
        .describe("Whether the provider's mailbox can send the welcome letter now, or it waits for one"),
    }),
    status: 201,
    async handler({ principal, body, services }) {
      const user = await invitePortalUser(services, tenantOf(principal), body, principal.email);
      return {
        ...view(user),
        welcomeLetter: services.provider.mailbox ? ('on_its_way' as const) : ('waits_for_provider_mailbox' as const),
      };
    },
    activity: ({ principal }, user) => ({
      tenantId: tenantOf(principal),
      action: 'portal_user.invited',
      target: target(user),
      details: { role: user.role },
    }),
  }),
  defineRoute({
    id: 'portalUsers.update',
    method: 'PATCH',
    path: '/portal-users/:id',
    tag: 'portal-users',
    summary: 'Changes a portal user’s name or role',
    permission: 'portal_users.manage',
    refusals: { 409: ['last_admin'] },
    params: idParams,
    body: someFields(z.strictObject({ name: personName.optional(), role: z.enum(portalRoles).optional() })),
    response: portalUserSchema,
    async handler({ principal, params, body, services }) {
      const tenantId = tenantOf(principal);
      const user = await requireUser(services.db, tenantId, params.id);
      if (user.status === 'revoked') throw notFound('portal user');
      if (body.role) await keepsAnAdmin(services.db, tenantId, user, body.role);
      await portalUsers.scoped(services.db).updateOne(tenantId, { id: user.id }, { $set: { ...body } });
      return view(await requireUser(services.db, tenantId, user.id));
    },
    activity: ({ principal, body }, user) => ({
      tenantId: tenantOf(principal),
      action: 'portal_user.changed',
      target: target(user),
      details: { ...(body.name && { name: body.name }), ...(body.role && { role: body.role }) },
    }),
  }),
  defineRoute({
    id: 'portalUsers.revoke',
    method: 'DELETE',
    path: '/portal-users/:id',
    tag: 'portal-users',
    summary: 'Revokes a person’s access to the portal; backup jobs and backed-up mailboxes are not affected',
    permission: 'portal_users.manage',
    refusals: { 409: ['last_admin'] },
    params: idParams,
    response: portalUserSchema,
    async handler({ principal, params, services }) {
      const tenantId = tenantOf(principal);
      const user = await requireUser(services.db, tenantId, params.id);
      if (user.status === 'revoked') return view(user);
      await keepsAnAdmin(services.db, tenantId, user, 'revoked');
      await portalUsers
        .scoped(services.db)
        .updateOne(tenantId, { id: user.id }, { $set: { status: 'revoked', revokedAt: services.clock() } });
      return view(await requireUser(services.db, tenantId, user.id));
    },
    activity: ({ principal }, user) => ({
      tenantId: tenantOf(principal),
      action: 'portal_user.revoked',
      target: target(user),
    }),
  }),
];
