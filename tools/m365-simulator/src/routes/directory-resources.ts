import type { FilterableProperty } from './directory-filter.js';
import { GROUP_DEFAULT_PROPERTIES, USER_DEFAULT_PROPERTIES, type DirectoryEntity } from './directory-render.js';
import type { DirectoryCollectionSpec } from './directory-query.js';

const TEXT = ['eq', 'ne', 'startswith'] as const;
const ADDRESS = ['eq', 'ne', 'startswith', 'endswith'] as const;
const VALUE = ['eq', 'ne'] as const;

/** The user properties `$filter` supports and their operators (https://learn.microsoft.com/graph/api/resources/user#properties). */
const USER_FILTERABLE: readonly FilterableProperty[] = [
  { name: 'id', operators: VALUE },
  { name: 'accountEnabled', operators: VALUE },
  { name: 'displayName', operators: TEXT },
  { name: 'givenName', operators: TEXT },
  { name: 'surname', operators: TEXT },
  { name: 'jobTitle', operators: TEXT },
  { name: 'department', operators: TEXT },
  { name: 'officeLocation', operators: TEXT },
  { name: 'preferredLanguage', operators: TEXT },
  { name: 'mailNickname', operators: TEXT },
  { name: 'userType', operators: VALUE },
  { name: 'mail', operators: ADDRESS },
  { name: 'userPrincipalName', operators: ADDRESS },
];

/** The group properties `$filter` supports and their operators (https://learn.microsoft.com/graph/api/resources/group#properties). */
const GROUP_FILTERABLE: readonly FilterableProperty[] = [
  { name: 'id', operators: VALUE },
  { name: 'displayName', operators: TEXT },
  { name: 'description', operators: TEXT },
  { name: 'mailNickname', operators: TEXT },
  { name: 'mail', operators: ADDRESS },
  { name: 'mailEnabled', operators: VALUE },
  { name: 'securityEnabled', operators: VALUE },
  { name: 'visibility', operators: VALUE },
  { name: 'groupTypes', operators: ['any'] },
  // Teams are found by this filter (https://learn.microsoft.com/graph/teams-list-all-teams).
  { name: 'resourceProvisioningOptions', operators: ['any'] },
];

function isUser(entity: DirectoryEntity): boolean {
  return 'userPrincipalName' in entity;
}

export const USERS: DirectoryCollectionSpec = {
  resource: { name: 'User', type: 'user', properties: USER_FILTERABLE },
  entitySet: 'users',
  defaultProperties: () => USER_DEFAULT_PROPERTIES,
  sortable: ['displayName', 'userPrincipalName'],
};

export const GROUPS: DirectoryCollectionSpec = {
  resource: { name: 'Group', type: 'group', properties: GROUP_FILTERABLE },
  entitySet: 'groups',
  defaultProperties: () => GROUP_DEFAULT_PROPERTIES,
  sortable: ['displayName'],
};

/**
 * Members and transitive members: mixed directory objects, each with `@odata.type`
 * (https://learn.microsoft.com/graph/api/group-list-transitivemembers#example-1-get-the-transitive-membership-of-a-group);
 * `$filter`, `$orderby` and casts need the advanced query parameters there.
 */
export const MEMBERS: DirectoryCollectionSpec = {
  resource: {
    name: 'DirectoryObject',
    type: 'directoryObject',
    properties: [
      ...USER_FILTERABLE,
      ...GROUP_FILTERABLE.filter((property) => !['id', 'displayName', 'mail', 'mailNickname'].includes(property.name)),
    ],
  },
  entitySet: 'directoryObjects',
  defaultProperties: (entity) => (isUser(entity) ? USER_DEFAULT_PROPERTIES : GROUP_DEFAULT_PROPERTIES),
  sortable: ['displayName'],
  advancedOnly: true,
  typed: (entity) => (isUser(entity) ? '#microsoft.graph.user' : '#microsoft.graph.group'),
};

/** An OData cast of members to one type (`/members/microsoft.graph.user`): that type's entity set and properties. */
export const MEMBER_CASTS = [
  { segment: 'microsoft.graph.user', keeps: isUser, spec: { ...USERS, advancedOnly: true } },
  {
    segment: 'microsoft.graph.group',
    keeps: (entity: DirectoryEntity) => !isUser(entity),
    spec: { ...GROUPS, advancedOnly: true },
  },
] as const;

/** System query options of directory collections (https://learn.microsoft.com/graph/api/user-list#optional-query-parameters): `$expand` and `$search` are not implemented, so refused. */
export const COLLECTION_QUERY = ['$count', '$filter', '$orderby', '$select', '$top', '$skiptoken'] as const;
export const ENTITY_QUERY = ['$select'] as const;
