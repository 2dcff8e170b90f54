const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class MissingValuesError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `No value for ${names.join(', ')}: set ${names.length > 1 ? 'them' : 'it'} in env/.env.<environment> or in the ` +
        `process environment (provision writes the ids) / Nessun valore per ${names.join(', ')}`,
    );
    this.name = 'MissingValuesError';
  }
}

/** The `${{NAME}}` placeholders of a Microsoft 365 Agents Toolkit template, each once, in order of appearance. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((match) => match[1] as string))];
}

export interface FillOptions {
  /** Names whose value may be empty, such as the app-name suffix; any other empty value is an error. */
  mayBeEmpty?: ReadonlySet<string>;
  /** Applied to each value before it is put in, e.g. escaping for a JSON string. */
  escape?: (value: string) => string;
}

/** Escapes a value for the inside of a JSON string literal, so a quote in a value cannot break the manifest. */
export const escapeForJsonString = (value: string): string => JSON.stringify(value).slice(1, -1);

/** Fills every `${{NAME}}` as the toolkit does; every name without a value is reported at once. */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  { mayBeEmpty = new Set(), escape = (value) => value }: FillOptions = {},
): string {
  const missing = placeholderNames(template).filter(
    (name) => values[name] === undefined || (values[name] === '' && !mayBeEmpty.has(name)),
  );
  if (missing.length > 0) throw new MissingValuesError(missing);
  return template.replace(placeholder, (_match, name: string) => escape(values[name] ?? ''));
}
