import { apiPrefix, apiRoutes, apiVersion } from '../../src/api/routes.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';

interface Operation {
  operationId: string;
  security: unknown[];
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  parameters: { name: string; in: string; schema: Record<string, unknown> }[];
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}

const document = buildOpenApiDocument(apiRoutes, apiPrefix, apiVersion) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
const operation = (id: string): Operation => {
  const found = operations.find((candidate) => candidate.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};
const route = (id: string) => {
  const found = apiRoutes.find((candidate) => candidate.id === id);
  if (!found?.body) throw new Error(`no route ${id} with a body`);
  return found.body;
};
const bodySchema = (id: string) => operation(id).requestBody!.content['application/json'].schema;
const codesOf = (id: string, status: number) => operation(id).responses[String(status)]?.description ?? '';

describe('the OpenAPI document lists every status an operation answers with', () => {
  test('no operation hides its refusals behind `default`', () => {
    expect(operations.length).toBe(apiRoutes.length);
    expect(operations.filter(({ responses }) => 'default' in responses).map(({ operationId }) => operationId)).toEqual(
      [],
    );
    for (const { responses } of operations) {
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['400', '413', '500']));
    }
  });

  test('the pipeline’s refusals: sign-in and role for every protected route, media type for bodies, setup', () => {
    for (const spec of apiRoutes) {
      const statuses = Object.keys(operation(spec.id).responses);
      if (spec.permission === 'public') expect(statuses).not.toContain('401');
      else expect(statuses).toEqual(expect.arrayContaining(['401', '403']));
      if (spec.body) expect(statuses).toContain('415');
      if (spec.requiresSetup) expect(codesOf(spec.id, 409)).toContain('tenant_setup_incomplete');
      if (spec.params) expect(statuses).toContain('404');
    }
    expect(codesOf('activity.list', 400)).toContain('invalid_cursor');
  });

  test('what a handler refuses beyond its schemas is its operation’s response', () => {
    expect(codesOf('items.deleteBackup', 400)).toContain('confirmation_mismatch');
    expect(codesOf('items.deleteBackup', 409)).toContain('resource_busy');
    expect(codesOf('jobs.create', 409)).toMatch(/already_exists.*licence_seats_exceeded/);
    expect(codesOf('jobs.create', 400)).toContain('group_not_found');
    expect(codesOf('portalUsers.update', 409)).toContain('last_admin');
    expect(codesOf('me.backups.items', 403)).toContain('self_service_disabled');
    expect(operation('backups.items').responses['403']?.description).not.toContain('self_service_disabled');
  });
});

describe('what the schemas refuse, the document says', () => {
  test.each(['settings.update', 'portalUsers.update', 'notifications.update'])(
    '%s: an empty change is refused, and the document asks for at least one field',
    (id) => {
      expect(bodySchema(id)).toMatchObject({ minProperties: 1, additionalProperties: false });
      expect(route(id).safeParse({}).success).toBe(false);
    },
  );

  test('jobs.create: each workload once, a name and profile that are not only blanks', () => {
    const job = {
      name: 'Nightly',
      scope: { type: 'organisation' },
      dailyTime: '22:00',
      retentionYears: 1,
      confirm: true,
    };
    expect(route('jobs.create').safeParse({ ...job, workloads: ['exchange'] }).success).toBe(true);
    expect(route('jobs.create').safeParse({ ...job, workloads: ['exchange', 'exchange'] }).success).toBe(false);
    expect(route('jobs.create').safeParse({ ...job, name: '   ', workloads: ['exchange'] }).success).toBe(false);
    const properties = bodySchema('jobs.create')['properties'] as Record<string, Record<string, unknown>>;
    expect(properties['workloads']).toMatchObject({ uniqueItems: true, minItems: 1, maxItems: 4 });
    expect(properties['name']).toMatchObject({ pattern: '\\S', minLength: 1, maxLength: 80 });
    expect(properties['profile']).toMatchObject({ pattern: '\\S' });
  });

  test('backups.search: a query of blanks is refused, and its pattern says so', () => {
    const q = operation('backups.search').parameters.find((parameter) => parameter.name === 'q');
    expect(q?.schema).toMatchObject({ pattern: '\\S', minLength: 1 });
  });
});
