/**
 * SharePoint/OneDrive resource-unit cost of one request (GRAPH-NOTES.md): 1 for a single-item GET,
 * a delta call with a token or a download; 2 for multi-item queries, delta without a token and
 * writes; 5 for permission calls. Every `token`/`$skiptoken` page of a delta counts as "with a token".
 */
export function sharePointUnitCost(method: string, url: string): number {
  const { pathname, searchParams } = new URL(url, 'http://relative.invalid');
  const path = decodeURIComponent(pathname).toLowerCase();
  if (path.includes('/permissions') || (searchParams.get('$expand') ?? '').includes('permissions')) return 5;
  if (method.toUpperCase() !== 'GET') return 2;
  if (path.endsWith('/delta')) {
    const withToken = searchParams.has('token') || searchParams.has('$deltatoken') || searchParams.has('$skiptoken');
    return withToken ? 1 : 2;
  }
  // The content request answers 302 and the pre-authenticated download it leads to is the download:
  // both reach SharePoint, so both are paid for here.
  if (path.endsWith('/content')) return 2;
  if (path.endsWith('/$value')) return 1;
  if (path.endsWith('/children') || path.endsWith('/items') || path.endsWith('/drives') || path.endsWith('/lists'))
    return 2;
  return 1;
}

/** Directory resource units (GRAPH-NOTES.md): users 2, members 3, transitiveMembers 5, others 1. */
export function directoryUnitCost(url: string): number {
  const path = new URL(url, 'http://relative.invalid').pathname.toLowerCase();
  if (path.includes('/transitivemembers')) return 5;
  if (path.includes('/members')) return 3;
  if (path.includes('/users')) return 2;
  return 1;
}
