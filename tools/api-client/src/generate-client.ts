import { SchemaPrinter, UnsupportedSchemaError, type JsonSchema } from './json-schema-to-ts.js';
import { httpMethods, type OpenApiDocument, type Operation, type Parameter } from './openapi.js';

/** Names that the generated module must not shadow: a component called `Error` becomes `ApiError`. */
const reservedNames = new Set(['Error', 'Response', 'Request', 'Blob', 'Record', 'Array', 'Promise', 'Date']);

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function camelCase(id: string): string {
  const pascal = pascalCase(id);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

export function componentTypeName(name: string): string {
  const pascal = pascalCase(name);
  return reservedNames.has(pascal) ? `Api${pascal}` : pascal;
}

function docComment(lines: readonly string[]): string {
  const text = lines.filter(Boolean).map((line) => line.replace(/\*\//g, '*\\/'));
  return text.length ? `/**\n${text.map((line) => ` * ${line}`).join('\n')}\n */\n` : '';
}

/**
 * The fixed part of the module: the request a generated function hands to the transport the tab's client provides
 * (which adds the person's token, the language and turns failures into `ApiFailure`).
 */
const preamble = `
export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the server's root, path parameters already in place: \`/api/v1/jobs/1\`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

/** A file the API sent (CSV, ZIP), named as its \`content-disposition\` names it. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string | undefined;
}

/** What a generated function calls: the JSON answer of a request, or the file it answers with. */
export interface ApiTransport {
  json(request: ApiRequest): Promise<unknown>;
  file(request: ApiRequest): Promise<DownloadedFile>;
}

function pathSegment(value: string | number | boolean): string {
  return encodeURIComponent(String(value));
}
`;

interface OperationParts {
  readonly name: string;
  readonly typeName: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Operation;
}

class ClientWriter {
  private readonly printer = new SchemaPrinter(componentTypeName);

  constructor(private readonly document: OpenApiDocument) {}

  write(): string {
    const parts: string[] = [preamble];
    for (const [name, schema] of Object.entries(this.document.components?.schemas ?? {})) {
      parts.push(
        `export type ${componentTypeName(name)} = ${this.printer.print(schema, `#/components/schemas/${name}`)};`,
      );
    }
    const seen = new Set<string>();
    for (const [path, item] of Object.entries(this.document.paths)) {
      for (const method of httpMethods) {
        const operation = item[method];
        if (!operation) continue;
        const name = camelCase(operation.operationId);
        if (seen.has(name)) throw new UnsupportedSchemaError(`Two operations are both named ${name}`);
        seen.add(name);
        parts.push(this.operation({ name, typeName: pascalCase(operation.operationId), method, path, operation }));
      }
    }
    return parts.join('\n\n') + '\n';
  }

  private operation(parts: OperationParts): string {
    const { name, typeName, method, path, operation } = parts;
    const where = `${method.toUpperCase()} ${path}`;
    const parameters = operation.parameters ?? [];
    const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
    const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
    const unsupported = parameters.find((parameter) => parameter.in !== 'path' && parameter.in !== 'query');
    if (unsupported) throw new UnsupportedSchemaError(`${where}: ${unsupported.in} parameters are not supported`);

    const declarations: string[] = [];
    const requestMembers: string[] = [];
    if (pathParameters.length) {
      declarations.push(`export type ${typeName}Params = ${this.parameterObject(pathParameters, where)};`);
      requestMembers.push(`params: ${typeName}Params;`);
    }
    if (queryParameters.length) {
      declarations.push(`export type ${typeName}Query = ${this.parameterObject(queryParameters, where)};`);
      const anyRequired = queryParameters.some((parameter) => parameter.required);
      requestMembers.push(`query${anyRequired ? '' : '?'}: ${typeName}Query;`);
    }
    const body = operation.requestBody?.content['application/json'];
    if (operation.requestBody && !body) throw new UnsupportedSchemaError(`${where}: only JSON request bodies`);
    if (body) {
      declarations.push(`export type ${typeName}Body = ${this.printer.print(body.schema, `${where} body`)};`);
      requestMembers.push(`body: ${typeName}Body;`);
    }
    const { kind, schema } = this.success(operation, where);
    const result = kind === 'json' ? `${typeName}Response` : 'DownloadedFile';
    if (kind === 'json') {
      declarations.push(`export type ${typeName}Response = ${this.printer.print(schema, `${where} response`)};`);
    }

    const template = path.replace(/\{(\w+)\}/g, (_match, parameter: string) => {
      if (!pathParameters.some((declared) => declared.name === parameter)) {
        throw new UnsupportedSchemaError(`${where}: the path names {${parameter}}, which no parameter declares`);
      }
      return `\${pathSegment(request.params.${parameter})}`;
    });
    const allOptional = requestMembers.length === 1 && requestMembers[0]!.startsWith('query?');
    const signature = requestMembers.length
      ? `transport: ApiTransport, request: {\n${requestMembers.join('\n')}\n}${allOptional ? ' = {}' : ''}`
      : 'transport: ApiTransport';
    const request = [
      `method: '${method.toUpperCase()}'`,
      `path: \`${template}\``,
      ...(queryParameters.length ? ['query: request.query'] : []),
      ...(body ? ['body: request.body'] : []),
    ];
    const call =
      kind === 'json'
        ? `return transport.json({ ${request.join(', ')} }) as Promise<${result}>;`
        : `return transport.file({ ${request.join(', ')} });`;
    return [
      ...declarations,
      `${docComment([operation.summary ?? '', `\`${where}\` (${operation.operationId})`])}export function ${name}(${signature}): Promise<${result}> {\n${call}\n}`,
    ].join('\n\n');
  }

  private parameterObject(parameters: readonly Parameter[], where: string): string {
    const members = parameters.map((parameter) => {
      const type = this.printer.print(parameter.schema, `${where} parameter ${parameter.name}`);
      const description = parameter.description ?? parameter.schema.description;
      const comment = description ? `/** ${description.replace(/\*\//g, '*\\/')} */\n` : '';
      return `${comment}${parameter.name}${parameter.required ? '' : '?'}: ${type};`;
    });
    return `{\n${members.join('\n')}\n}`;
  }

  /** The one success answer of an operation: JSON, or a file for any other media type. */
  private success(operation: Operation, where: string): { kind: 'json' | 'file'; schema: JsonSchema } {
    const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
    if (successes.length !== 1) throw new UnsupportedSchemaError(`${where}: expected exactly one success response`);
    const content = Object.entries(successes[0]![1].content ?? {});
    if (content.length !== 1) throw new UnsupportedSchemaError(`${where}: expected exactly one success media type`);
    const [mediaType, media] = content[0]!;
    return { kind: mediaType === 'application/json' ? 'json' : 'file', schema: media.schema };
  }
}

export const generatedHeader =
  '// Generated from the backend’s OpenAPI document by tools/api-client. Do not edit: run `npm run generate:api-client`.\n';

/** The TypeScript source of the API client for `document`, before formatting. */
export function generateClientSource(document: OpenApiDocument): string {
  return generatedHeader + new ClientWriter(document).write();
}
