import { GraphError } from './errors.js';

/**
 * Refuses a system query option (`$name`) the route does not declare, as Graph refuses a query parameter an operation
 * does not support instead of ignoring it (https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters):
 * 400 `BadRequest` with the OData message Graph's services give, `Query option 'Skip' is not allowed.`.
 * `supported` lists the options the route's documentation page names in its "Optional query parameters" section,
 * lower case with the `$` (`$select`, `$top`, `$skiptoken`); a route without a list is not checked.
 */
export function refuseUnsupportedQueryOptions(query: URLSearchParams, supported: readonly string[] | undefined): void {
  if (supported === undefined) return;
  const allowed = new Set(supported.map((name) => name.toLowerCase()));
  for (const name of query.keys()) {
    if (!name.startsWith('$') || allowed.has(name.toLowerCase())) continue;
    throw new GraphError(400, 'BadRequest', `Query option '${odataOptionName(name)}' is not allowed.`);
  }
}

/** `$skip` → `Skip`: the option as OData's validation names it. */
function odataOptionName(name: string): string {
  const bare = name.slice(1);
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
