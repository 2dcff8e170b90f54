import type { StrictMode } from '../strict.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** Who is calling: an app-only token (client credentials) or a user's delegated token (on-behalf-of). */
export interface Caller {
  appId: string;
  tenantId: string;
  kind: 'app' | 'delegated';
  userId?: string;
  /** The token's `roles` (application permissions) or `scp` (delegated scopes), as Graph authorises by them. */
  permissions: string[];
}

export interface GraphRequest {
  method: string;
  /** Path below `/v1.0`, decoded per segment, e.g. `/users/{id}/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  caller: Caller;
  params: Record<string, string>;
  /** Absolute base of the Graph endpoint (`http://127.0.0.1:PORT/v1.0`), for building `@odata.nextLink`. */
  graphBaseUrl: string;
  requestId: string;
  strict: StrictMode;
}

export type ResponseBody = undefined | Buffer | Readable | object;

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: ResponseBody;
  /** Called once the body has been delivered (or abandoned): frees the request's concurrency slot. */
  onDone?: () => void;
}

export type Handler = (request: GraphRequest) => GraphResponse | Promise<GraphResponse>;

/** What throttling keys a request by: the mailbox (Outlook limits) or the SharePoint/OneDrive budget and its cost. */
export type ResourceKind = 'mailbox' | 'sharepoint' | 'directory' | 'teams';

export interface RouteMeta {
  resource: ResourceKind;
  /** SharePoint resource units this call costs (learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online). */
  resourceUnits?: number | ((query: URLSearchParams) => number);
  /**
   * The system query options (`$select`, `$top`, `$skiptoken`…) the route's documentation page supports, lower case
   * with the `$`; any other `$` option is refused with 400 before the handler runs (see `query-options.ts`). Routes
   * without a list take any option.
   */
  query?: readonly string[];
}
