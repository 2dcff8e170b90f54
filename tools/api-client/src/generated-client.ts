import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '@custodia/backend/api/openapi';
import { apiPrefix, apiRoutes, apiVersion } from '@custodia/backend/api/routes';
import * as prettier from 'prettier';
import { generateClientSource } from './generate-client.js';
import type { OpenApiDocument } from './openapi.js';

/** Where the tab keeps the generated client, from the repository's root. */
export const generatedClientPath = resolve(
  fileURLToPath(new URL('../../..', import.meta.url)),
  'tab/src/api/generated.ts',
);

/**
 * The document `/api/v1/openapi.json` serves, built the same way from the same route table, without a server: the
 * route schemas are the single source, and nothing here needs a database or a tenant.
 */
export function backendOpenApiDocument(): OpenApiDocument {
  const document = buildOpenApiDocument(apiRoutes, apiPrefix, apiVersion);
  // The builder types its document loosely (plain JSON); the generator reads the OpenAPI 3.1 structure it promises.
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1.')) {
    throw new Error(`The backend's OpenAPI document is version ${String(document.openapi)}, the generator reads 3.1`);
  }
  return document as unknown as OpenApiDocument;
}

/** The generated client as it must be on disk: formatted by the repository's Prettier settings, so lint passes. */
export async function generatedClientText(): Promise<string> {
  const source = generateClientSource(backendOpenApiDocument());
  const options = await prettier.resolveConfig(generatedClientPath);
  return prettier.format(source, { ...options, filepath: generatedClientPath });
}
