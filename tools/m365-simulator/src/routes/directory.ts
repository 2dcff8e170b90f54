import type { SimulatorContext } from '../context.js';
import { GraphError } from '../http/errors.js';
import { applySelect, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GroupRecord, UserRecord } from '../model/records.js';

/** The default properties `GET /users` returns (https://learn.microsoft.com/graph/api/user-list). */
export function renderUser(user: UserRecord): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    department: user.department,
    accountEnabled: user.accountEnabled,
  };
}

export function renderGroup(group: GroupRecord): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: group.id,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    groupTypes: ['Unified'],
    mail: group.mail,
    mailEnabled: true,
    mailNickname: group.mailNickname,
    securityEnabled: false,
    visibility: group.visibility,
    resourceProvisioningOptions: group.isTeam ? ['Team'] : [],
  };
}

/** Graph answers an unknown directory object with 404 Request_ResourceNotFound (https://learn.microsoft.com/graph/api/user-get). */
function resourceNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function requireUser(context: SimulatorContext, idOrUpn: string): UserRecord {
  const user = context.tenant.findUser(idOrUpn);
  if (!user) throw resourceNotFound(idOrUpn);
  return user;
}

export function requireGroup(context: SimulatorContext, id: string): GroupRecord {
  const group = context.tenant.findGroup(id);
  if (!group) throw resourceNotFound(id);
  return group;
}

const USER_PAGE = { defaultSize: 100, maxSize: 999 };

/** Directory: users, groups, members, transitive members, organization. */
export function registerDirectoryRoutes(router: Router, context: SimulatorContext): void {
  const directory = { resource: 'directory' as const };
  const { tenant } = context;

  router.add('GET', '/users', directory, (request) =>
    pageOf(request, tenant.users.map(renderUser), { ...USER_PAGE, context: 'users' }),
  );
  router.add('GET', '/users/:userId', directory, (request) =>
    ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#users/$entity`,
      ...applySelect(
        renderUser(requireUser(context, request.params['userId'] as string)),
        request.query.get('$select'),
      ),
    }),
  );
  router.add('GET', '/groups', directory, (request) =>
    pageOf(request, [...tenant.groups.values()].map(renderGroup), { ...USER_PAGE, context: 'groups' }),
  );
  router.add('GET', '/groups/:groupId', directory, (request) =>
    ok(
      applySelect(
        renderGroup(requireGroup(context, request.params['groupId'] as string)),
        request.query.get('$select'),
      ),
    ),
  );
  // Direct members only (https://learn.microsoft.com/graph/api/group-list-members).
  router.add('GET', '/groups/:groupId/members', directory, (request) => {
    const group = requireGroup(context, request.params['groupId'] as string);
    const members = group.memberIds.map((id) => {
      const user = tenant.findUser(id);
      return user ? renderUser(user) : renderGroup(tenant.findGroup(id) as GroupRecord);
    });
    return pageOf(request, members, { ...USER_PAGE, context: 'directoryObjects' });
  });
  // Nested groups' members too (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
  router.add('GET', '/groups/:groupId/transitiveMembers', directory, (request) => {
    const group = requireGroup(context, request.params['groupId'] as string);
    const members = tenant
      .transitiveMembers(group)
      .map((member) => ('userPrincipalName' in member ? renderUser(member) : renderGroup(member)));
    return pageOf(request, members, { ...USER_PAGE, context: 'directoryObjects' });
  });
  router.add('GET', '/organization', directory, (request) =>
    ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#organization`,
      value: [
        {
          id: tenant.id,
          displayName: tenant.displayName,
          countryLetterCode: 'IT',
          preferredLanguage: 'it',
          verifiedDomains: [
            {
              name: tenant.domain,
              isDefault: true,
              isInitial: true,
              type: 'Managed',
              capabilities: 'Email, OfficeCommunicationsOnline',
            },
          ],
          assignedPlans: [],
        },
      ],
    }),
  );
}
