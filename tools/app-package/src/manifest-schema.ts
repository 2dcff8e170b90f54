import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The unified manifest version Custodia's package uses: generally available, with Outlook `extensions`. */
export const manifestVersion = '1.22';

export type SchemaName = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

const require = createRequire(import.meta.url);

/**
 * Microsoft's own JSON schema for a manifest version, as shipped in the Agents Toolkit's `@microsoft/app-manifest`
 * package (the same file as the `$schema` URL), so validation needs no network.
 */
export function officialSchema(name: SchemaName, version = manifestVersion): Record<string, unknown> {
  const path = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/${name}`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export interface SchemaProblem {
  /** JSON pointer into the validated document. */
  path: string;
  message: string;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(name: SchemaName, version: string): ValidateFunction {
  const key = `${version}/${name}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = officialSchema(name, version);
    // The schemas declare draft-04; Ajv's draft-04 build reads its `id`, boolean `exclusiveMaximum` and so on.
    // The localization schema's patterns (`\b]`) are valid JavaScript regular expressions only without the
    // `u` flag.
    const options = { allErrors: true, strict: false, unicodeRegExp: false };
    const ajv = String(schema.$schema).includes('draft-04') ? new AjvDraft04.default(options) : new Ajv(options);
    addFormats.default(ajv);
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

const describe = (error: ErrorObject): SchemaProblem => ({
  path: error.instancePath || '/',
  message: error.message ?? 'is not valid',
});

/** Validates a filled document against the official schema; an empty list means it conforms. */
export function schemaProblems(document: unknown, name: SchemaName, version = manifestVersion): SchemaProblem[] {
  const validate = validatorFor(name, version);
  if (validate(document)) return [];
  // The schema reaches some properties through several `$ref`s, so Ajv can report one fault more than once.
  const unique = new Map((validate.errors ?? []).map(describe).map((p) => [`${p.path} ${p.message}`, p]));
  return [...unique.values()];
}
