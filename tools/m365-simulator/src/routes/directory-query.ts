import { badRequest, GraphError } from '../http/errors.js';
import { pageOf } from '../http/odata.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import { parseDirectoryFilter, type FilterableResource } from './directory-filter.js';
import type { DirectoryEntity } from './directory-render.js';

/** How a directory collection answers: its resource, `@odata.context`, default properties and what it may sort on. */
export interface DirectoryCollectionSpec {
  resource: FilterableResource & { type: string };
  /** The entity set `@odata.context` names (`users`, `groups`, `directoryObjects`). */
  entitySet: string;
  defaultProperties: (entity: DirectoryEntity) => readonly string[];
  sortable: readonly string[];
  /** `$filter`, `$orderby` and OData casts need advanced query parameters here (members, transitiveMembers). */
  advancedOnly?: boolean;
  /** Items carry `@odata.type`, as in collections of mixed directory objects. */
  typed?: (entity: DirectoryEntity) => string;
}

/**
 * An advanced query has `ConsistencyLevel: eventual` and `$count=true`
 * (https://learn.microsoft.com/graph/aad-advanced-queries).
 */
export function isAdvancedQuery(request: GraphRequest): boolean {
  return hasEventualConsistency(request) && request.query.get('$count')?.toLowerCase() === 'true';
}

export function hasEventualConsistency(request: GraphRequest): boolean {
  const header = request.headers['consistencylevel'];
  return (Array.isArray(header) ? header[0] : header)?.toLowerCase() === 'eventual';
}

/** The documented refusal of a query that needs the advanced query parameters and lacks them. */
export function advancedQueryRequired(what: string): GraphError {
  return new GraphError(
    400,
    'Request_UnsupportedQuery',
    `${what} is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );
}

/** The entities `$filter` and `$orderby` leave, in order, checked against the advanced-query rules. */
export function queryEntities(
  request: GraphRequest,
  entities: readonly DirectoryEntity[],
  spec: DirectoryCollectionSpec,
): DirectoryEntity[] {
  const advanced = isAdvancedQuery(request);
  const filterText = request.query.get('$filter');
  const orderBy = request.query.get('$orderby');
  let result = [...entities];
  if (filterText !== null) {
    if (spec.advancedOnly && !advanced) throw advancedQueryRequired('$filter on this relationship');
    const filter = parseDirectoryFilter(filterText, spec.resource);
    const [needsAdvanced] = filter.advancedOperators;
    if (needsAdvanced && !advanced) throw advancedQueryRequired(`Operator '${needsAdvanced}'`);
    result = result.filter((entity) => filter.matches(entity));
  }
  if (orderBy !== null) {
    // $orderby with $filter, or on a relationship, is an advanced query (https://learn.microsoft.com/graph/api/user-list#example-4).
    if ((filterText !== null || spec.advancedOnly) && !advanced) throw advancedQueryRequired('Sorting with $filter');
    result = sortEntities(result, orderBy, spec);
  }
  return result;
}

function sortEntities(entities: DirectoryEntity[], orderBy: string, spec: DirectoryCollectionSpec): DirectoryEntity[] {
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderBy);
  const property = spec.sortable.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase());
  if (!match || !property)
    throw new GraphError(400, 'Request_UnsupportedQuery', `Sorting by '${orderBy.trim()}' is not supported.`);
  const direction = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return entities.sort(
    (a, b) =>
      direction * String(a[property] ?? '').localeCompare(String(b[property] ?? ''), 'en', { sensitivity: 'base' }),
  );
}

/** The properties `$select` names, refused when the resource has no such property. */
export function selectedProperties(request: GraphRequest, known: DirectoryEntity, type: string): string[] | undefined {
  const select = request.query.get('$select');
  if (select === null) return undefined;
  const names = select
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.map((name) => {
    const property = Object.keys(known).find((key) => key.toLowerCase() === name.toLowerCase());
    if (!property) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`);
    return property;
  });
}

/**
 * One entity narrowed to the selected properties or to its default set; `$select` without `id` leaves `id` out, as
 * https://learn.microsoft.com/graph/api/user-get#example-3-use-select-to-retrieve-specific-properties-of-a-user shows.
 */
export function project(
  entity: DirectoryEntity,
  selected: readonly string[] | undefined,
  defaults: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    (selected ?? defaults).filter((name) => name in entity).map((name) => [name, entity[name]]),
  );
}

/**
 * A page of a directory collection: `$filter`, `$orderby`, default properties or `$select`, `$top` and `$skiptoken`
 * paging, `@odata.context` (with the selection, as `users(displayName,id)`) and `@odata.count` on the first page of
 * an advanced query. `$count=true` without `ConsistencyLevel: eventual` is answered without the count, as the
 * documentation shows (https://learn.microsoft.com/graph/aad-advanced-queries#query-scenarios-that-require-advanced-query-capabilities).
 */
export function directoryCollection(
  request: GraphRequest,
  entities: readonly DirectoryEntity[],
  spec: DirectoryCollectionSpec,
): GraphResponse {
  const matching = queryEntities(request, entities, spec);
  const selected = matching[0] ? selectedProperties(request, matching[0], spec.resource.type) : undefined;
  const items = matching.map((entity) => ({
    ...(spec.typed ? { '@odata.type': spec.typed(entity) } : {}),
    ...project(entity, selected, spec.defaultProperties(entity)),
  }));
  const select = request.query.get('$select');
  return pageOf(request, items, {
    defaultSize: 100,
    maxSize: 999,
    context: select ? `${spec.entitySet}(${select})` : spec.entitySet,
    ...(isAdvancedQuery(request) ? { count: matching.length } : {}),
  });
}

/** `GET …/$count`: the number as text/plain; only with `ConsistencyLevel: eventual` (https://learn.microsoft.com/graph/api/user-list#example-3-get-only-a-count-of-users). */
export function countOf(
  request: GraphRequest,
  entities: readonly DirectoryEntity[],
  spec: DirectoryCollectionSpec,
): GraphResponse {
  // Without the header Graph answers the documented 400 (https://learn.microsoft.com/graph/aad-advanced-queries#query-scenarios-that-require-advanced-query-capabilities).
  if (!hasEventualConsistency(request))
    throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  const counted = queryEntities(request, entities, { ...spec, advancedOnly: false });
  return {
    status: 200,
    headers: { 'content-type': 'text/plain' },
    body: Buffer.from(String(counted.length)),
  };
}
