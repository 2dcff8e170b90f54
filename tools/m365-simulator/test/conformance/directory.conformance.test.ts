import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, expectDocumentedAnswer, send, shapeDifferences, type RawExchange } from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

let sim: RunningSimulator;
let token: string;
/** The demo tenant's "tutti" group: two users and three groups as direct members. */
let everyone: string;
let userId: string;

const EVENTUAL = { ConsistencyLevel: 'eventual' };
const PAGE = {
  users: 'https://learn.microsoft.com/graph/api/user-list?view=graph-rest-1.0',
  user: 'https://learn.microsoft.com/graph/api/user-get?view=graph-rest-1.0',
  groups: 'https://learn.microsoft.com/graph/api/group-list?view=graph-rest-1.0',
  group: 'https://learn.microsoft.com/graph/api/group-get?view=graph-rest-1.0',
  members: 'https://learn.microsoft.com/graph/api/group-list-members?view=graph-rest-1.0',
  transitive: 'https://learn.microsoft.com/graph/api/group-list-transitivemembers?view=graph-rest-1.0',
  advanced: 'https://learn.microsoft.com/graph/aad-advanced-queries',
  paging: 'https://learn.microsoft.com/graph/paging',
  organization: 'https://learn.microsoft.com/graph/api/organization-list?view=graph-rest-1.0',
};

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  const groups = await send(sim, { path: "/groups?$filter=mailNickname eq 'tutti'&$select=id", token });
  everyone = (groups.body as { value: Array<{ id: string }> }).value[0]?.id ?? '';
  const users = await send(sim, { path: '/users?$top=1&$select=id', token });
  userId = (users.body as { value: Array<{ id: string }> }).value[0]?.id ?? '';
});

afterAll(async () => {
  await sim.stop();
});

/** An advanced query (PAGE.advanced): the examples with $count, $search or endsWith send ConsistencyLevel: eventual. */
function advancedQuery(path: string): Promise<RawExchange> {
  return send(sim, { path, headers: EVENTUAL, token });
}

describe('users', () => {
  documented(
    {
      endpoint: 'GET /users',
      page: `${PAGE.users}#example-2-get-a-user-account-using-a-sign-in-name`,
      shows: '$select returns only the selected properties',
    },
    async () => {
      const answer = await send(sim, { path: '/users?$select=displayName,id', token });
      expect(answer.status).toBe(200);
      const shape = { value: [{ displayName: 'John Smith', id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd' }] };
      expect(shapeDifferences(answer.body, shape)).toEqual([]);
      expect(Object.keys((answer.body as typeof shape).value[0] ?? {}).sort()).toEqual(['displayName', 'id']);
    },
  );

  documented(
    {
      endpoint: 'GET /users',
      page: `${PAGE.users}#example-4-use-filter-and-top-to-get-one-user-with-a-display-name-that-starts-with-a-including-a-count-of-returned-objects`,
      shows: '$filter startswith, $orderby, $top and @odata.count in an advanced query',
    },
    async () => {
      const answer = await advancedQuery(
        "/users?$filter=startswith(displayName,'a')&$orderby=displayName&$count=true&$top=1",
      );
      expect(answer.status).toBe(200);
      const body = answer.body as { '@odata.count': number; value: Array<{ displayName: string }> };
      expect(
        shapeDifferences(body, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
          '@odata.count': 1,
          value: [
            {
              displayName: 'a',
              mail: 'a@contoso.com',
              userPrincipalName: 'a_contoso.com#EXT#@microsoft.onmicrosoft.com',
            },
          ],
        }),
      ).toEqual([]);
      expect(body.value).toHaveLength(1);
      expect(body['@odata.count']).toBeGreaterThanOrEqual(1);
      expect(body.value[0]?.displayName.toLowerCase().startsWith('a')).toBe(true);
    },
  );

  documented(
    {
      endpoint: 'GET /users',
      page: `${PAGE.advanced}#error-handling-for-advanced-queries-on-directory-objects`,
      shows: 'endsWith without ConsistencyLevel and $count=true is 400 Request_UnsupportedQuery',
    },
    async () => {
      const answer = await send(sim, { path: "/users?$filter=endswith(mail,'a@contoso.com')", token });
      expectGraphError(answer, 400, {
        code: 'Request_UnsupportedQuery',
        message: /^Operator 'endswith' is not supported/i,
      });
    },
  );

  documented(
    {
      endpoint: 'GET /users',
      page: `${PAGE.advanced}#error-handling-for-advanced-queries-on-directory-objects`,
      shows: '$count=true without ConsistencyLevel succeeds without @odata.count',
    },
    async () => {
      const answer = await send(sim, { path: '/users?$count=true', token });
      expect(answer.status).toBe(200);
      expect(answer.body).not.toHaveProperty('@odata.count');
      expect(
        shapeDifferences(answer.body, { '@odata.context': 'string', value: [{ displayName: 'Oscar Ward' }] }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users',
      page: `${PAGE.users}#optional-query-parameters`,
      shows: '$skip is not supported: 400 in Graph’s error shape',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, { path: '/users?$skip=2', token });
      expectGraphError(answer, 400, { code: 'BadRequest', message: "Query option 'Skip' is not allowed." });
    },
  );

  documented(
    {
      endpoint: 'GET /users/$count',
      page: `${PAGE.advanced}#error-handling-for-advanced-queries-on-directory-objects`,
      shows: 'without ConsistencyLevel: 400 Request_BadRequest "$count is not currently supported."',
    },
    async () => {
      const answer = await send(sim, { path: '/users/$count', token });
      expectGraphError(answer, 400, { code: 'Request_BadRequest', message: '$count is not currently supported.' });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId',
      page: `${PAGE.user}#example-1-standard-users-request`,
      shows: 'the default property set of a user',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${userId}`, token });
      expect(answer.status).toBe(200);
      const shape = {
        businessPhones: ['+1 425 555 0109'],
        displayName: 'Adele Vance',
        givenName: 'Adele',
        jobTitle: 'Retail Manager',
        mail: 'AdeleV@contoso.com',
        mobilePhone: '+1 425 555 0109',
        officeLocation: '18/2111',
        preferredLanguage: 'en-US',
        surname: 'Vance',
        userPrincipalName: 'AdeleV@contoso.com',
        id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
      };
      expect(shapeDifferences(answer.body, shape)).toEqual([]);
      expect(
        Object.keys(answer.body as object)
          .filter((key) => !key.startsWith('@'))
          .sort(),
      ).toEqual(Object.keys(shape).sort());
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId',
      page: `${PAGE.user}#example-3-use-select-to-retrieve-specific-properties-of-a-user`,
      shows: '$select with properties outside the default set, and @odata.context naming them',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${userId}?$select=displayName,givenName,postalCode,identities`,
        token,
      });
      expectDocumentedAnswer(answer, 200, {
        '@odata.context':
          'https://graph.microsoft.com/v1.0/$metadata#users(displayName,givenName,postalCode,identities)/$entity',
        displayName: 'Adele Vance',
        givenName: 'Adele',
        postalCode: '98004',
        identities: [
          { signInType: 'userPrincipalName', issuer: 'contoso.com', issuerAssignedId: 'AdeleV@contoso.com' },
        ],
      });
      expect((answer.body as Record<string, string>)['@odata.context']).toMatch(
        /\$metadata#users\(displayName,givenName,postalCode,identities\)\/\$entity$/,
      );
    },
  );
});

const GROUP_SHAPE = {
  id: '45b7d2e7-b882-4a80-ba97-10b7a63b8fa4',
  deletedDateTime: null,
  classification: null,
  createdDateTime: '2018-12-22T02:21:05Z',
  description: 'Self help community for golf',
  displayName: 'Golf Assist',
  expirationDateTime: null,
  groupTypes: ['Unified'],
  isAssignableToRole: null,
  mail: 'golfassist@contoso.com',
  mailEnabled: true,
  mailNickname: 'golfassist',
  membershipRule: null,
  membershipRuleProcessingState: null,
  onPremisesLastSyncDateTime: null,
  onPremisesSecurityIdentifier: null,
  onPremisesSyncEnabled: null,
  preferredDataLocation: 'CAN',
  preferredLanguage: null,
  proxyAddresses: ['smtp:golfassist@contoso.onmicrosoft.com', 'SMTP:golfassist@contoso.com'],
  renewedDateTime: '2018-12-22T02:21:05Z',
  resourceBehaviorOptions: [],
  resourceProvisioningOptions: [],
  securityEnabled: false,
  theme: null,
  visibility: 'Public',
  onPremisesProvisioningErrors: [],
};

describe('groups', () => {
  documented(
    {
      endpoint: 'GET /groups',
      page: `${PAGE.groups}#example-1-get-a-list-of-groups`,
      shows: 'the default property set of every group, with @odata.context',
    },
    async () => {
      const answer = await send(sim, { path: '/groups', token });
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups',
        value: [GROUP_SHAPE],
      });
    },
  );

  documented(
    {
      endpoint: 'GET /groups',
      page: `${PAGE.groups}#example-4-use-filter-and-top-to-get-one-group-with-a-display-name-that-starts-with-a-including-a-count-of-returned-objects`,
      shows: '$filter startswith with $count, $top and $orderby in an advanced query',
    },
    async () => {
      const answer = await advancedQuery(
        "/groups?$filter=startswith(displayName, 'v')&$count=true&$top=1&$orderby=displayName",
      );
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups',
        '@odata.count': 1,
        value: [{ displayName: 'a', mailNickname: 'a241' }],
      });
    },
  );

  documented(
    {
      endpoint: 'GET /groups',
      page: `${PAGE.groups}#optional-query-parameters`,
      shows: "only Microsoft 365 groups by $filter=groupTypes/any(c:c eq 'Unified')",
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, { path: "/groups?$filter=groupTypes/any(c:c+eq+'Unified')", token });
      expect(answer.status).toBe(200);
      expect((answer.body as { value: unknown[] }).value).toHaveLength(4);
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId',
      page: `${PAGE.group}#example-1-get-a-group-by-its-id`,
      shows: 'the default property set of a group',
    },
    async () => {
      const answer = await send(sim, { path: `/groups/${everyone}`, token });
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups/$entity',
        ...GROUP_SHAPE,
      });
    },
  );
});

describe('members and transitive members', () => {
  documented(
    {
      endpoint: 'GET /groups/:groupId/members',
      page: `${PAGE.members}#example-1-get-the-direct-membership-in-a-group`,
      shows: 'direct members as directoryObjects, each with @odata.type',
    },
    async () => {
      const answer = await send(sim, { path: `/groups/${everyone}/members`, token });
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#directoryObjects',
        value: [{ '@odata.type': 'string', id: '11111111-2222-3333-4444-555555555555', mail: 'user1@contoso.com' }],
      });
      expect((answer.body as { value: unknown[] }).value).toHaveLength(5);
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId/members/microsoft.graph.user',
      page: `${PAGE.members}#example-4-use-searchand-odata-cast-to-get-user-membership-in-groups-with-display-names-that-contain-the-letters-pr-including-a-count-of-returned-objects`,
      shows: 'OData cast to users with $count and $select (the example’s $search is not implemented)',
    },
    async () => {
      const answer = await advancedQuery(
        `/groups/${everyone}/members/microsoft.graph.user?$count=true&$orderby=displayName&$select=displayName,id`,
      );
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(displayName,id)',
        '@odata.count': 7,
        value: [{ displayName: 'Joseph Price', id: '11111111-2222-3333-4444-555555555555' }],
      });
      expect((answer.body as { '@odata.count': number })['@odata.count']).toBe(2);
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId/members/microsoft.graph.user',
      page: `${PAGE.paging}#how-paging-works`,
      shows:
        '$top pages the cast; @odata.nextLink keeps the request’s other query parameters, and the last page has none',
      pageExample: false,
    },
    async () => {
      const first = await advancedQuery(
        `/groups/${everyone}/members/microsoft.graph.user?$count=true&$select=id,mail,userPrincipalName&$top=1`,
      );
      expectDocumentedAnswer(first, 200, {
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$top=5&$skiptoken=RFNwdAIAAQAAAD8...AAAAAAAA',
        value: [{ id: '11111111-2222-3333-4444-555555555555', mail: 'user1@contoso.com', userPrincipalName: 'string' }],
      });
      const page = first.body as { '@odata.nextLink': string; value: Array<{ id: string }> };
      const next = new URL(page['@odata.nextLink']);
      expect(['$count', '$select', '$top'].map((name) => next.searchParams.get(name))).toEqual([
        'true',
        'id,mail,userPrincipalName',
        '1',
      ]);
      const second = await advancedQuery(page['@odata.nextLink']);
      const last = second.body as { '@odata.nextLink'?: string; value: Array<{ id: string }> };
      expect(second.status).toBe(200);
      expect(last['@odata.nextLink']).toBeUndefined();
      expect(last.value).toHaveLength(1);
      expect(last.value[0]?.id).not.toBe(page.value[0]?.id);
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId/members/microsoft.graph.group',
      page: `${PAGE.members}#optional-query-parameters`,
      shows: 'OData cast to groups needs ConsistencyLevel and $count=true; with them, only the member groups',
      pageExample: false,
    },
    async () => {
      const refused = await send(sim, { path: `/groups/${everyone}/members/microsoft.graph.group`, token });
      expectGraphError(refused, 400, { code: 'Request_UnsupportedQuery' });
      const answer = await advancedQuery(`/groups/${everyone}/members/microsoft.graph.group?$count=true`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ '@odata.count': 3 });
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId/transitiveMembers',
      page: `${PAGE.transitive}#example-1-get-the-transitive-membership-of-a-group`,
      shows: 'every nested member, each with @odata.type',
    },
    async () => {
      const answer = await send(sim, { path: `/groups/${everyone}/transitiveMembers`, token });
      expectDocumentedAnswer(answer, 200, {
        value: [
          {
            '@odata.type': '#microsoft.graph.user',
            id: '11111111-2222-3333-4444-555555555555',
            mail: 'group1@contoso.com',
          },
        ],
      });
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId/transitiveMembers/microsoft.graph.group',
      page: `${PAGE.transitive}#example-3-use-the-microsoftgraphgroup-odata-cast-to-get-only-members-that-are-groups`,
      shows: 'OData cast to groups with @odata.count and @odata.context #groups',
    },
    async () => {
      const answer = await advancedQuery(`/groups/${everyone}/transitivemembers/microsoft.graph.group?$count=true`);
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups',
        '@odata.count': 2,
        value: [
          {
            id: '4d0ef681-e88f-42a3-a2db-e6bf1e249e10',
            description: null,
            displayName: 'Executives',
            groupTypes: [],
            mail: 'Executives@contoso.com',
            mailEnabled: true,
            mailNickname: 'Executives',
          },
        ],
      });
      expect(answer.body).toMatchObject({ '@odata.count': 3 });
    },
  );

  documented(
    {
      endpoint: 'GET /groups/:groupId/transitiveMembers/microsoft.graph.user',
      page: `${PAGE.transitive}#example-5-use-odata-cast-and-filter-to-get-user-membership-in-groups-with-a-display-name-that-starts-with-a-including-a-count-of-returned-objects`,
      shows: 'OData cast to users with $filter startswith, $orderBy and @odata.count',
    },
    async () => {
      const answer = await advancedQuery(
        `/groups/${everyone}/transitiveMembers/microsoft.graph.user?$count=true&$orderBy=displayName&$filter=startswith(displayName, 'a')`,
      );
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
        '@odata.count': 76,
        value: [{ displayName: 'AAD Contoso Users', mail: 'AADContoso_Users@contoso.com' }],
      });
    },
  );
});

describe('organization', () => {
  documented(
    {
      endpoint: 'GET /organization',
      page: `${PAGE.organization}#example`,
      shows: 'the tenant’s organization with its verified domains',
    },
    async () => {
      const answer = await send(sim, { path: '/organization', token });
      expectDocumentedAnswer(answer, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization',
        value: [
          {
            assignedPlans: [],
            businessPhones: ['4258828080'],
            city: 'Redmond',
            country: null,
            countryLetterCode: 'US',
            displayName: 'Contoso',
            id: '84841066-274d-4ec0-a5c1-276be684bdd3',
            marketingNotificationEmails: [],
            onPremisesLastSyncDateTime: null,
            onPremisesSyncEnabled: null,
            postalCode: '98052',
            preferredLanguage: 'en',
            privacyProfile: null,
            provisionedPlans: [],
            securityComplianceNotificationMails: [],
            securityComplianceNotificationPhones: [],
            state: 'WA',
            street: 'One Microsoft Way',
            technicalNotificationMails: [],
            verifiedDomains: [
              {
                capabilities: 'Email, OfficeCommunicationsOnline',
                isDefault: true,
                isInitial: true,
                name: 'contoso.onmicrosoft.com',
                type: 'Managed',
              },
            ],
          },
        ],
      });
    },
  );
});

describe('$count segments', () => {
  const counts = [
    {
      endpoint: 'GET /users/$count',
      page: `${PAGE.users}#example-3-get-only-a-count-of-users`,
      shows: 'the number of users as text/plain',
      path: () => '/users/$count',
      expected: 25,
    },
    {
      endpoint: 'GET /groups/$count',
      page: `${PAGE.groups}#example-3-get-only-a-count-of-groups`,
      shows: 'the number of groups as text/plain',
      path: () => '/groups/$count',
      expected: 4,
    },
    {
      endpoint: 'GET /groups/:groupId/members/$count',
      page: `${PAGE.members}#example-2-get-only-a-count-of-all-membership`,
      shows: 'the number of direct members as text/plain',
      path: () => `/groups/${everyone}/members/$count`,
      expected: 5,
    },
    {
      endpoint: 'GET /groups/:groupId/transitiveMembers/$count',
      page: `${PAGE.transitive}#example-2-get-only-a-count-of-transitive-membership`,
      shows: 'the number of transitive members as text/plain',
      path: () => `/groups/${everyone}/transitiveMembers/$count`,
      expected: 3 + 2 + 4 + 5 + 6,
    },
  ];
  for (const { endpoint, page, shows, path, expected } of counts) {
    documented({ endpoint, page, shows }, async () => {
      const answer = await advancedQuery(path());
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(answer.text).toBe(String(expected));
    });
  }
});
