import type { GraphRequest } from './types.js';

export type ExtendedProperty = { id: string; value: string };

const expandPattern = /singleValueExtendedProperties(?:\(\$filter=id eq '([^']*)'\))?/i;

/**
 * Whether two extended property ids name the same property: the type, the property set GUID and a tag or `Id` compare
 * without case, a string `Name` with case ("Filtering the string name (Name) in the id of an extended property is
 * case-sensitive", https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
 */
export function sameExtendedPropertyId(left: string, right: string): boolean {
  const split = (id: string) => {
    const match = /^(.*?\sName\s)(.*)$/is.exec(id.trim());
    return match ? { prefix: (match[1] ?? '').toLowerCase().replace(/\s+/g, ' '), name: match[2] ?? '' } : undefined;
  };
  const a = split(left);
  const b = split(right);
  // A tag or Id is a number: `String 0x37` and `String 0x0037` name the same property.
  const numeric = (id: string) =>
    id
      .trim()
      .toLowerCase()
      .replace(/0x0*([0-9a-f]+)/g, '0x$1');
  if (!a || !b) return !a && !b && numeric(left) === numeric(right);
  return a.prefix === b.prefix && a.name === b.name;
}

/**
 * The single-value extended properties a request asks for with
 * `$expand=singleValueExtendedProperties($filter=id eq '{id}')`, or undefined when it does not expand them
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
 */
export function expandedExtendedProperties(
  request: GraphRequest,
  properties: readonly ExtendedProperty[],
): ExtendedProperty[] | undefined {
  const match = expandPattern.exec(request.query.get('$expand') ?? '');
  if (!match) return undefined;
  const wanted = match[1];
  return properties.filter((property) => wanted === undefined || sameExtendedPropertyId(property.id, wanted));
}

/** Renders an entity with its extended properties when the request expands them. */
export function withExtendedProperties(
  request: GraphRequest,
  entity: Record<string, unknown>,
  properties: readonly ExtendedProperty[],
): Record<string, unknown> {
  const expanded = expandedExtendedProperties(request, properties);
  return expanded ? { ...entity, singleValueExtendedProperties: expanded } : entity;
}
