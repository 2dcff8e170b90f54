import type { Server } from 'node:http';

/** How long a client may take to send a request; what it takes to read the answer is not limited here. */
export interface HttpTimeouts {
  /** Until the request's headers are complete (slow headers). */
  readonly headersMs: number;
  /** Until the whole request, body included, is received (a trickled body). */
  readonly requestMs: number;
  /** How long an idle keep-alive connection waits for its next request. */
  readonly keepAliveMs: number;
}

/**
 * Node answers 408 and closes the connection when a request's headers or whole request take longer than these. Both
 * concern receiving: once the request is in, a download may stream for as long as it needs. Node checks open
 * connections every `connectionsCheckingInterval` (30 s unless told), read when the server starts listening: a
 * quarter of the shorter timeout closes a slow client within 125 % of its timeout.
 */
export function applyTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  const checked = server as Server & ConnectionsChecking;
  checked.connectionsCheckingInterval = Math.max(50, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4));
}

/** Node's `connectionsCheckingInterval` option, which `http.Server` keeps as a property and reads in `listen`. */
interface ConnectionsChecking {
  connectionsCheckingInterval: number;
}
