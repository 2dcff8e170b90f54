import type { GraphRequest } from './types.js';

export type ExtendedProperty = { id: string; value: string };

const expandPattern = /singleValueExtendedProperties(?:\(\$filter=id eq '([^']*)'\))?/i;

/**
 * The single-value extended properties a request asks for with
 * `$expand=singleValueExtendedProperties($filter=id eq '{id}')`, or undefined when it does not expand them
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). Property ids compare without case.
 */
export function expandedExtendedProperties(
  request: GraphRequest,
  properties: readonly ExtendedProperty[],
): ExtendedProperty[] | undefined {
  const match = expandPattern.exec(request.query.get('$expand') ?? '');
  if (!match) return undefined;
  const wanted = match[1]?.toLowerCase();
  return properties.filter((property) => wanted === undefined || property.id.toLowerCase() === wanted);
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
