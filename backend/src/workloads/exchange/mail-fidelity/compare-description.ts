import { canonicalCharset } from './charset-text.js';
import { phrase } from './difference-phrases.js';
import { isExchangeRewrittenParameter } from './exchange-rewritten-headers.js';
import type { StructuredValue } from './header-values.js';
import type { MailDifference } from './mail-difference.js';
import type { MimeEntity } from './mime-entity.js';

/** Parameters whose values are case-insensitive tokens or media types; any other parameter compares exactly. */
const caseInsensitiveParameters = new Set([
  'charset',
  'protocol',
  'micalg',
  'type',
  'method',
  'smime-type',
  'format',
  'delsp',
  'report-type',
  'reply-type',
  'component',
]);

function sameValue(name: string, a: string, b: string): boolean {
  return caseInsensitiveParameters.has(name) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function compareParameters(
  original: StructuredValue | undefined,
  restored: StructuredValue | undefined,
  header: 'content-type' | 'content-disposition',
  skipped: ReadonlySet<string>,
  where: string,
): MailDifference[] {
  const differences: MailDifference[] = [];
  const before = original?.params ?? new Map<string, string>();
  const after = restored?.params ?? new Map<string, string>();
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const key of names) {
    if (skipped.has(key) || isExchangeRewrittenParameter(header, key)) continue;
    const name = header === 'content-type' ? key : `Content-Disposition ${key}`;
    const expected = before.get(key);
    const actual = after.get(key);
    if (expected === undefined && actual !== undefined) {
      differences.push({ where, what: phrase('parameterAdded', { name }), actual });
    } else if (expected !== undefined && actual === undefined) {
      differences.push({ where, what: phrase('parameterMissing', { name }), expected });
    } else if (expected !== undefined && actual !== undefined && !sameValue(key, expected, actual)) {
      differences.push({ where, what: phrase('parameterDiffers', { name }), expected, actual });
    }
  }
  return differences;
}

/**
 * What an entity is, compared: type/subtype, charset (of text, by the decoder it names, so `latin1` and
 * `iso-8859-1` are one charset), every other Content-Type and Content-Disposition parameter but the boundary,
 * the disposition and the file name (from either header, decoded).
 */
export function compareDescription(original: MimeEntity, restored: MimeEntity, where: string): MailDifference[] {
  const differences: MailDifference[] = [];
  const expectedType = original.contentType.value;
  const actualType = restored.contentType.value;
  if (expectedType !== actualType) {
    differences.push({ where, what: phrase('contentTypeDiffers'), expected: expectedType, actual: actualType });
  }
  const text = expectedType.startsWith('text/') && actualType.startsWith('text/');
  if (text) {
    const expected = original.contentType.params.get('charset');
    const actual = restored.contentType.params.get('charset');
    const canonicalExpected = canonicalCharset(expected) ?? expected?.toLowerCase();
    const canonicalActual = canonicalCharset(actual) ?? actual?.toLowerCase();
    if (canonicalExpected !== canonicalActual) {
      differences.push({
        where,
        what: phrase('charsetDiffers'),
        expected: expected ?? `none (read as ${canonicalExpected})`,
        actual: actual ?? `none (read as ${canonicalActual})`,
      });
    }
  }
  const contentTypeSkipped = new Set(text ? ['name', 'charset'] : ['name']);
  differences.push(
    ...compareParameters(original.contentType, restored.contentType, 'content-type', contentTypeSkipped, where),
  );
  if (original.disposition?.value !== restored.disposition?.value) {
    differences.push({
      where,
      what: phrase('dispositionDiffers'),
      ...(original.disposition && { expected: original.disposition.value }),
      ...(restored.disposition && { actual: restored.disposition.value }),
    });
  }
  differences.push(
    ...compareParameters(
      original.disposition,
      restored.disposition,
      'content-disposition',
      new Set(['filename']),
      where,
    ),
  );
  if (original.filename !== restored.filename) {
    differences.push({
      where,
      what: phrase('fileNameDiffers'),
      ...(original.filename !== undefined && { expected: original.filename }),
      ...(restored.filename !== undefined && { actual: restored.filename }),
    });
  }
  return differences;
}
