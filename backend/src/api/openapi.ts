import { z } from 'zod';
import { isRestorePermission } from '../access/permissions.js';
import { errorCodes, type ErrorCode } from '../http/messages.js';
import type { RouteServices, RouteSpec } from '../http/route.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(errorCodes as [string, ...string[]]),
    message: z.string().describe('In the caller’s language: Italian or English, by Accept-Language.'),
    details: z.unknown().optional(),
  }),
});

function parameters<S extends RouteServices>(route: RouteSpec<S>): JsonSchema[] {
  const fromShape = (schema: z.ZodObject | undefined, where: 'path' | 'query') =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(field as z.ZodType, 'input'),
    }));
  return [...fromShape(route.params, 'path'), ...fromShape(route.query, 'query')];
}

/**
 * Every refusal the operation can answer with, by status: the pipeline's own (`mount.ts`: strict parsing of every
 * part of the request, the body limit, sign-in, role and licence terms, the tenant setup, an unexpected failure, a
 * database that does not answer within the request's deadline) and
 * those the route declares of its handler. There is no `default`: a status listed nowhere here is a bug.
 */
function refusalsOf<S extends RouteServices>(route: RouteSpec<S>): Map<number, Set<ErrorCode>> {
  const refusals = new Map<number, Set<ErrorCode>>();
  const add = (status: number, ...codes: readonly ErrorCode[]) =>
    refusals.set(status, new Set([...(refusals.get(status) ?? []), ...codes]));
  add(400, 'invalid_request');
  add(413, 'body_too_large');
  if (route.body) {
    add(400, 'invalid_json');
    add(415, 'unsupported_media_type');
  }
  if (route.permission !== 'public') {
    add(401, 'unauthenticated', 'token_expired', 'token_invalid');
    add(403, isRestorePermission(route.permission) ? 'restore_not_permitted' : 'forbidden', 'tenant_not_onboarded');
    if (!route.beforeTerms) add(403, 'terms_not_accepted');
  }
  if (route.query?.shape['cursor']) add(400, 'invalid_cursor');
  // A path names a record of the caller's tenant; one it does not have is not found.
  if (route.params) add(404, 'not_found');
  if (route.requiresSetup) add(409, 'tenant_setup_incomplete');
  for (const [status, codes] of Object.entries(route.refusals ?? {})) add(Number(status), ...codes);
  add(500, 'internal_error');
  add(503, 'database_unavailable');
  return refusals;
}

function refusalResponses<S extends RouteServices>(route: RouteSpec<S>): Record<string, JsonSchema> {
  const sorted = [...refusalsOf(route)].sort(([a], [b]) => a - b);
  return Object.fromEntries(
    sorted.map(([status, codes]) => [
      String(status),
      {
        description: `Refused: ${[...codes].join(', ')}`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}

function operation<S extends RouteServices>(route: RouteSpec<S>): JsonSchema {
  const contentType = route.contentType ?? 'application/json';
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    security: route.permission === 'public' ? [] : [{ entraSso: [] }],
    'x-permission': route.permission,
    parameters: parameters(route),
    ...(route.body && {
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
    }),
    responses: {
      [String(route.status ?? 200)]: {
        description: route.summary,
        content: {
          [contentType]: {
            schema:
              contentType === 'application/zip'
                ? { type: 'string', contentMediaType: 'application/zip' }
                : jsonSchema(route.response, 'output'),
          },
        },
      },
      ...refusalResponses(route),
    },
  };
}

/** The OpenAPI 3.1 document of the API, generated from the same schemas that validate it. */
export function buildOpenApiDocument<S extends RouteServices>(
  routes: readonly RouteSpec<S>[],
  prefix: string,
  version: string,
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = `${prefix}${route.path}`.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Custodia management API',
      version,
      description:
        'Tenants, sign-in, activity log, settings, portal users, knowledge base and support of Custodia. ' +
        'Every error has the shape {"error":{"code","message","details"}}; messages follow Accept-Language (it, en). ' +
        'No text of a request may hold U+0000: it is refused 400 invalid_request (detail code nul_character).',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBody, 'output') },
      securitySchemes: {
        entraSso: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Teams or Outlook SSO access token for our application with scope access_as_user.',
        },
      },
    },
  };
}
