import type { SimulatorContext } from '../context.js';
import { GraphError } from '../http/errors.js';
import { ok } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, RouteMeta } from '../http/types.js';
import type { GroupRecord, UserRecord } from '../model/records.js';
import {
  countOf,
  directoryCollection,
  isAdvancedQuery,
  advancedQueryRequired,
  project,
  selectedProperties,
  type DirectoryCollectionSpec,
} from './directory-query.js';
import { groupEntity, organizationEntity, userEntity, type DirectoryEntity } from './directory-render.js';
import { COLLECTION_QUERY, ENTITY_QUERY, GROUPS, MEMBER_CASTS, MEMBERS, USERS } from './directory-resources.js';

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

function memberEntity(member: UserRecord | GroupRecord): DirectoryEntity {
  return 'userPrincipalName' in member ? userEntity(member) : groupEntity(member);
}

/** One entity with `@odata.context` `{set}/$entity` and its default properties or `$select` (https://learn.microsoft.com/graph/api/user-get). */
function entityAnswer(request: GraphRequest, entity: DirectoryEntity, spec: DirectoryCollectionSpec) {
  const select = request.query.get('$select');
  const set = select ? `${spec.entitySet}(${select})` : spec.entitySet;
  return ok({
    '@odata.context': `${request.graphBaseUrl}/$metadata#${set}/$entity`,
    ...project(entity, selectedProperties(request, entity, spec.resource.type), spec.defaultProperties(entity)),
  });
}

/** Directory: users, groups, members, transitive members (with `$count` and OData casts), organization. */
export function registerDirectoryRoutes(router: Router, context: SimulatorContext): void {
  const collection: RouteMeta = { resource: 'directory', query: COLLECTION_QUERY };
  const single: RouteMeta = { resource: 'directory', query: ENTITY_QUERY };
  const { tenant } = context;

  const entitySets = [
    // https://learn.microsoft.com/graph/api/user-list and https://learn.microsoft.com/graph/api/user-get
    {
      spec: USERS,
      key: 'userId',
      all: () => tenant.users.map(userEntity),
      one: (id: string) => userEntity(requireUser(context, id)),
    },
    // https://learn.microsoft.com/graph/api/group-list and https://learn.microsoft.com/graph/api/group-get
    {
      spec: GROUPS,
      key: 'groupId',
      all: () => [...tenant.groups.values()].map(groupEntity),
      one: (id: string) => groupEntity(requireGroup(context, id)),
    },
  ];
  for (const { spec, key, all, one } of entitySets) {
    const path = `/${spec.entitySet}`;
    router.add('GET', path, collection, (request) => directoryCollection(request, all(), spec));
    router.add('GET', `${path}/$count`, collection, (request) => countOf(request, all(), spec));
    router.add('GET', `${path}/:${key}`, single, (request) =>
      entityAnswer(request, one(request.params[key] as string), spec),
    );
  }

  const relationships = {
    // Direct members only (https://learn.microsoft.com/graph/api/group-list-members).
    members: (group: GroupRecord) =>
      group.memberIds.flatMap((id) => {
        const member = tenant.findUser(id) ?? tenant.findGroup(id);
        return member ? [memberEntity(member)] : [];
      }),
    // Nested groups' members too (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
    transitiveMembers: (group: GroupRecord) => tenant.transitiveMembers(group).map(memberEntity),
  };
  for (const [name, membersOf] of Object.entries(relationships)) {
    const members = (request: GraphRequest) => membersOf(requireGroup(context, request.params['groupId'] as string));
    router.add('GET', `/groups/:groupId/${name}`, collection, (request) =>
      directoryCollection(request, members(request), MEMBERS),
    );
    router.add('GET', `/groups/:groupId/${name}/$count`, collection, (request) =>
      countOf(request, members(request), MEMBERS),
    );
    for (const cast of MEMBER_CASTS) {
      // An OData cast is an advanced query on these relationships (https://learn.microsoft.com/graph/api/group-list-transitivemembers#optional-query-parameters).
      router.add('GET', `/groups/:groupId/${name}/${cast.segment}`, collection, (request) => {
        if (!isAdvancedQuery(request)) throw advancedQueryRequired('OData cast');
        return directoryCollection(request, members(request).filter(cast.keeps), cast.spec);
      });
    }
  }

  // https://learn.microsoft.com/graph/api/organization-list
  router.add('GET', '/organization', single, (request) => {
    const entity = organizationEntity(tenant);
    const select = request.query.get('$select');
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#organization${select ? `(${select})` : ''}`,
      value: [project(entity, selectedProperties(request, entity, 'organization'), Object.keys(entity))],
    });
  });
}
