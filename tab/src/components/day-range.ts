/** Days picked in a form (`yyyy-mm-dd`) as the API's ISO instants, the "to" day included whole. */
export function dayRangeQuery(from: string, to: string): { from: string | undefined; to: string | undefined } {
  return {
    from: from ? `${from}T00:00:00.000Z` : undefined,
    to: to ? `${to}T23:59:59.999Z` : undefined,
  };
}
