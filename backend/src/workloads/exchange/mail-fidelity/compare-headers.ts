import { phrase } from './difference-phrases.js';
import { exchangeTreatmentOf } from './exchange-rewritten-headers.js';
import type { HeaderField } from './header-values.js';
import type { MailDifference } from './mail-difference.js';

/** Compared as content type, parameters, file name and disposition by compare-entities.ts instead. */
const comparedStructurally = new Set(['content-type', 'content-disposition']);

interface SameNameFields {
  displayName: string;
  original: string[];
  restored: string[];
}

function groupByName(original: readonly HeaderField[], restored: readonly HeaderField[]): Map<string, SameNameFields> {
  const groups = new Map<string, SameNameFields>();
  const add = (field: HeaderField, side: 'original' | 'restored') => {
    let group = groups.get(field.name);
    if (!group) {
      group = { displayName: field.displayName, original: [], restored: [] };
      groups.set(field.name, group);
    }
    group[side].push(field.value);
  };
  for (const field of original) add(field, 'original');
  for (const field of restored) add(field, 'restored');
  return groups;
}

/** Removes the values both sides have (as many times as both have them); order is not significant. */
function unmatched(values: readonly string[], others: readonly string[]): string[] {
  const available = new Map<string, number>();
  for (const value of others) available.set(value, (available.get(value) ?? 0) + 1);
  return values.filter((value) => {
    const count = available.get(value) ?? 0;
    if (count === 0) return true;
    available.set(value, count - 1);
    return false;
  });
}

/**
 * Compares two header blocks as multisets of (name, normalised value): a header lost, added or changed is reported
 * once per name, with the values involved. Headers on the Exchange list are skipped as the list says.
 */
export function compareHeaderFields(
  original: readonly HeaderField[],
  restored: readonly HeaderField[],
  where: string,
): MailDifference[] {
  const differences: MailDifference[] = [];
  for (const [name, group] of groupByName(original, restored)) {
    if (comparedStructurally.has(name)) continue;
    const treatment = exchangeTreatmentOf(name);
    if (treatment === 'rewritten' || (treatment === 'added' && group.original.length === 0)) continue;
    const missing = unmatched(group.original, group.restored);
    const added = unmatched(group.restored, group.original);
    const headerName = group.displayName;
    const first = (values: string[]) => values[0] ?? '';
    if (missing.length === 1 && added.length === 1) {
      differences.push({
        where,
        what: phrase('headerDiffers', { name: headerName }),
        expected: first(missing),
        actual: first(added),
      });
      continue;
    }
    if (missing.length > 0) {
      differences.push({
        where,
        what:
          missing.length === 1
            ? phrase('headerMissing', { name: headerName })
            : phrase('headersMissing', { name: headerName, count: missing.length }),
        expected: missing.join('\n'),
      });
    }
    if (added.length > 0) {
      differences.push({
        where,
        what:
          added.length === 1
            ? phrase('headerAdded', { name: headerName })
            : phrase('headersAdded', { name: headerName, count: added.length }),
        actual: added.join('\n'),
      });
    }
  }
  return differences;
}
