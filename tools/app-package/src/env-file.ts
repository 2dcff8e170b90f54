import { readFile } from 'node:fs/promises';

/**
 * Reads a Microsoft 365 Agents Toolkit environment file (`env/.env.<name>`): `KEY=value` lines, `#` comments,
 * optional single or double quotes around the value. Empty values are kept as empty strings, as the toolkit does.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`Not a KEY=value line: ${JSON.stringify(rawLine)}`);
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    values[key] = quoted?.[2] ?? value;
  }
  return values;
}

export async function readEnvFile(path: string): Promise<Record<string, string>> {
  return parseEnvFile(await readFile(path, 'utf8'));
}
