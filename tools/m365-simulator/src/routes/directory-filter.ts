import { badRequest, GraphError } from '../http/errors.js';
import type { DirectoryEntity } from './directory-render.js';

/** A `$filter` operator; `ne` and `endsWith` work only in advanced queries (https://learn.microsoft.com/graph/aad-advanced-queries). */
export type FilterOperator = 'eq' | 'ne' | 'startswith' | 'endswith' | 'any';

export const ADVANCED_OPERATORS: ReadonlySet<FilterOperator> = new Set(['ne', 'endswith']);

/** A property `$filter` may name and the operators its resource page lists for it. */
export interface FilterableProperty {
  name: string;
  operators: readonly FilterOperator[];
}

export interface FilterableResource {
  /** The resource as Graph's error messages name it (`User`, `Group`). */
  name: string;
  properties: readonly FilterableProperty[];
}

export interface DirectoryFilter {
  matches(entity: DirectoryEntity): boolean;
  /** Operators used that need `ConsistencyLevel: eventual` and `$count=true`. */
  advancedOperators: FilterOperator[];
}

type Predicate = (entity: DirectoryEntity) => boolean;

const STRING = `'((?:[^']|'')*)'`;
const FUNCTION_CLAUSE = new RegExp(`^(startswith|endswith)\\(\\s*(\\w+)\\s*,\\s*${STRING}\\s*\\)$`, 'i');
const COMPARISON_CLAUSE = new RegExp(`^(\\w+)\\s+(eq|ne)\\s+(${STRING}|true|false|null)$`, 'i');
const ANY_CLAUSE = new RegExp(`^(\\w+)/any\\(\\s*(\\w+)\\s*:\\s*(\\w+)\\s+eq\\s+${STRING}\\s*\\)$`, 'i');

/**
 * Parses a directory `$filter` (https://learn.microsoft.com/graph/filter-query-parameter): clauses joined by `and`
 * and `or` (`and` binding tighter), each `property eq|ne literal`, `startswith(property,'x')`,
 * `endswith(property,'x')` or `collection/any(c:c eq 'x')`. String comparisons ignore case, as the directory's do.
 * A property or operator the resource page does not list is refused with 400 Request_UnsupportedQuery.
 */
export function parseDirectoryFilter(text: string, resource: FilterableResource): DirectoryFilter {
  const advancedOperators: FilterOperator[] = [];
  const clause = (source: string): Predicate => {
    const { property, operator, test } = parseClause(source.trim());
    const known = resource.properties.find((candidate) => candidate.name.toLowerCase() === property.toLowerCase());
    if (!known || !known.operators.includes(operator))
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource.name}'.`,
      );
    if (ADVANCED_OPERATORS.has(operator)) advancedOperators.push(operator);
    return (entity) => test(entity[known.name]);
  };
  const alternatives = splitTopLevel(text, 'or').map((part) => splitTopLevel(part, 'and').map(clause));
  return {
    matches: (entity) => alternatives.some((all) => all.every((predicate) => predicate(entity))),
    advancedOperators,
  };
}

function parseClause(source: string): {
  property: string;
  operator: FilterOperator;
  test: (value: unknown) => boolean;
} {
  const call = FUNCTION_CLAUSE.exec(source);
  if (call) {
    const operator = (call[1] as string).toLowerCase() as 'startswith' | 'endswith';
    const wanted = unquote(call[3] as string).toLowerCase();
    return {
      property: call[2] as string,
      operator,
      test: (value) =>
        typeof value === 'string' &&
        (operator === 'startswith' ? value.toLowerCase().startsWith(wanted) : value.toLowerCase().endsWith(wanted)),
    };
  }
  const comparison = COMPARISON_CLAUSE.exec(source);
  if (comparison) {
    const operator = (comparison[2] as string).toLowerCase() as 'eq' | 'ne';
    const wanted = literal(comparison[3] as string);
    const equal = (value: unknown) => normalise(value ?? null) === wanted;
    return { property: comparison[1] as string, operator, test: (value) => (operator === 'eq') === equal(value) };
  }
  const any = ANY_CLAUSE.exec(source);
  if (any && any[2]?.toLowerCase() === any[3]?.toLowerCase()) {
    const wanted = unquote(any[4] as string).toLowerCase();
    return {
      property: any[1] as string,
      operator: 'any',
      test: (value) => Array.isArray(value) && value.some((item) => String(item).toLowerCase() === wanted),
    };
  }
  throw badRequest(`Invalid filter clause: '${source}'.`);
}

function literal(token: string): string | boolean | null {
  if (token.startsWith("'")) return unquote(token.slice(1, -1)).toLowerCase();
  if (token.toLowerCase() === 'null') return null;
  return token.toLowerCase() === 'true';
}

function normalise(value: unknown): string | boolean | null {
  if (typeof value === 'string') return value.toLowerCase();
  return typeof value === 'boolean' ? value : value === null ? null : String(value);
}

function unquote(text: string): string {
  return text.replace(/''/g, "'");
}

/** Splits on ` and ` / ` or ` outside quotes and parentheses. */
function splitTopLevel(text: string, keyword: 'and' | 'or'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const separator = new RegExp(`^\\s+${keyword}\\s+`, 'i');
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === "'") quoted = !quoted;
    else if (!quoted && character === '(') depth++;
    else if (!quoted && character === ')') depth--;
    else if (!quoted && depth === 0 && /\s/.test(character ?? '')) {
      const found = separator.exec(text.slice(index));
      if (found) {
        parts.push(text.slice(start, index));
        index += found[0].length - 1;
        start = index + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
