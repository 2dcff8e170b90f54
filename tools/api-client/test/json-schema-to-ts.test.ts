import { z } from 'zod';
import { SchemaPrinter, UnsupportedSchemaError, type JsonSchema } from '../src/json-schema-to-ts.js';

const printer = new SchemaPrinter((name) => `Api${name}`);

/** The schema as the backend's OpenAPI document writes it, so these cases follow zod's real output. */
function printed(schema: z.ZodType, io: 'input' | 'output' = 'output'): string {
  return printer
    .print(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema, 'test')
    .replace(/\s+/g, ' ');
}

describe('JSON Schema to TypeScript', () => {
  it('types objects, optional and nullable fields, enums and literals', () => {
    const schema = z.strictObject({
      id: z.string(),
      kind: z.enum(['mailbox', 'team']),
      confirm: z.literal(true),
      size: z.number().int().optional(),
      finishedAt: z.string().nullable(),
    });
    expect(printed(schema)).toBe(
      '{ id: string; kind: "mailbox" | "team"; confirm: true; size?: number; finishedAt: string | null; }',
    );
  });

  it('types discriminated unions, arrays of unions and records', () => {
    expect(printed(z.array(z.enum(['a', 'b'])))).toBe('Array<"a" | "b">');
    expect(printed(z.array(z.string()))).toBe('string[]');
    expect(printed(z.record(z.string(), z.number()))).toBe('Record<string, number>');
    expect(
      printed(z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })])),
    ).toBe('{ type: "a"; } | { type: "b"; }');
  });

  it('makes a field with a default optional in a body and present in an answer', () => {
    const schema = z.strictObject({ language: z.enum(['it', 'en']).default('it') });
    expect(printed(schema, 'input')).toBe('{ language?: "it" | "en"; }');
    expect(printed(schema, 'output')).toBe('{ language: "it" | "en"; }');
  });

  it('keeps descriptions as doc comments and names component references', () => {
    expect(printer.print({ type: 'object', properties: { a: { type: 'string', description: 'Why' } } }, 't')).toBe(
      '{\n/** Why */\na?: string;\n}',
    );
    expect(printer.print({ $ref: '#/components/schemas/Error' }, 't')).toBe('ApiError');
  });

  it('refuses keywords it does not understand instead of guessing a type', () => {
    expect(() => printer.print({ allOf: [] } as JsonSchema, 'GET /x response')).toThrow(UnsupportedSchemaError);
    expect(() => printer.print({ allOf: [] } as JsonSchema, 'GET /x response')).toThrow(/GET \/x response.*allOf/);
  });
});
