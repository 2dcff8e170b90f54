/**
 * The JSON Schema 2020-12 that zod's `toJSONSchema` writes for our API, turned into TypeScript type text. Only the
 * keywords zod emits are understood; any other keyword that would change a shape stops the generator, so a new zod
 * construct is noticed here instead of being typed as something it is not.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly $ref?: string;
  readonly description?: string;
}

/** Keywords that constrain values without changing their TypeScript type, or only annotate them. */
const ignoredKeywords = new Set([
  '$schema',
  '$comment',
  'description',
  'title',
  'default',
  'examples',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'contentMediaType',
  'contentEncoding',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

const shapeKeywords = new Set([
  'type',
  'const',
  'enum',
  'anyOf',
  'oneOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  '$ref',
]);

/** How a `$ref` to `#/components/schemas/<name>` is written: the component's TypeScript name. */
export type RefNamer = (componentName: string) => string;

export class UnsupportedSchemaError extends Error {}

function literal(value: unknown, where: string): string {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value);
  throw new UnsupportedSchemaError(`${where}: only string, number, boolean and null literals are supported`);
}

function union(members: readonly string[]): string {
  const distinct = [...new Set(members)];
  return distinct.length === 0 ? 'never' : distinct.join(' | ');
}

/** `T[]` for a plain name, `Array<T>` where `[]` would bind to only part of the element type. */
function arrayOf(element: string): string {
  return /^[\w.'"]+$/.test(element) ? `${element}[]` : `Array<${element}>`;
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function docComment(text: string | undefined): string {
  return text ? `/** ${text.replace(/\*\//g, '*\\/')} */\n` : '';
}

export class SchemaPrinter {
  constructor(private readonly refName: RefNamer) {}

  /** The TypeScript type of `schema`; `where` names its place in the document for error messages. */
  print(schema: JsonSchema | boolean, where: string): string {
    if (schema === true) return 'unknown';
    if (schema === false) return 'never';
    for (const keyword of Object.keys(schema)) {
      if (!ignoredKeywords.has(keyword) && !shapeKeywords.has(keyword)) {
        throw new UnsupportedSchemaError(`${where}: the keyword "${keyword}" is not supported by the generator`);
      }
    }
    if (schema.$ref !== undefined) return this.reference(schema.$ref, where);
    if (schema.const !== undefined) return literal(schema.const, where);
    if (schema.enum !== undefined) return union(schema.enum.map((value) => literal(value, where)));
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives !== undefined) {
      return union(alternatives.map((alternative, index) => this.print(alternative, `${where}/${index}`)));
    }
    if (schema.type === undefined) return 'unknown';
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    return union(types.map((type) => this.ofType(type, schema, where)));
  }

  private reference(ref: string, where: string): string {
    const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
    if (!match?.[1]) throw new UnsupportedSchemaError(`${where}: only references to components are supported`);
    return this.refName(match[1]);
  }

  private ofType(type: string, schema: JsonSchema, where: string): string {
    switch (type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return arrayOf(schema.items === undefined ? 'unknown' : this.print(schema.items, `${where}/items`));
      case 'object':
        return this.object(schema, where);
      default:
        throw new UnsupportedSchemaError(`${where}: the type "${type}" is not supported`);
    }
  }

  private object(schema: JsonSchema, where: string): string {
    const properties = Object.entries(schema.properties ?? {});
    const extra = schema.additionalProperties;
    if (properties.length === 0) {
      if (extra === false) return 'Record<string, never>';
      const value =
        extra === undefined || extra === true ? 'unknown' : this.print(extra, `${where}/additionalProperties`);
      const keys = schema.propertyNames?.enum;
      // zod's record over an enum of keys requires every key; its plain record does not restrict them.
      return keys ? `Record<${union(keys.map((key) => literal(key, where)))}, ${value}>` : `Record<string, ${value}>`;
    }
    const required = new Set(schema.required ?? []);
    const members = properties.map(([name, property]) => {
      const optional = required.has(name) ? '' : '?';
      const type = this.print(property, `${where}/properties/${name}`);
      const description = typeof property === 'object' ? property.description : undefined;
      return `${docComment(description)}${propertyKey(name)}${optional}: ${type};`;
    });
    // An object that admits more properties than it names (a non-strict zod object read as input) is typed by
    // what it names: what it would also accept is no part of the contract a client writes against.
    return `{\n${members.join('\n')}\n}`;
  }
}
