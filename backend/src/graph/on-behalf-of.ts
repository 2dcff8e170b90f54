import type { ConfidentialClientApplication } from '@azure/msal-node';
import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphTenantConnection } from './connection.js';
import { confidentialClient, graphScope } from './msal-client.js';

/** The authority refused to exchange the person's token (expired, no consent for the delegated permissions...). */
export class OnBehalfOfRefused extends Error {
  constructor(cause: unknown) {
    super(`the authority refused the on-behalf-of exchange: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'OnBehalfOfRefused';
  }
}

/**
 * Graph as the signed-in person, by the on-behalf-of flow: their Teams or Outlook SSO token is exchanged for a
 * delegated Graph token, so Microsoft 365 itself decides what they may reach. Used for a few reads per request
 * (confirming whose data it is), not for bulk work: it has no budgets or retries of its own.
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export class OnBehalfOfGraph {
  private readonly clients = new Map<string, ConfidentialClientApplication>();

  constructor(private readonly connectionFor: (tenantId: string) => GraphTenantConnection) {}

  /** GET as the person whose SSO token `userAssertion` is; Graph's own errors (403, 404) reach the caller. */
  async getJson<T>(tenantId: string, userAssertion: string, path: string): Promise<T> {
    const connection = this.connectionFor(tenantId);
    try {
      return await this.get<T>(connection, await this.delegatedToken(connection, userAssertion, false), path);
    } catch (error) {
      // A cached delegated token may be refused before its expiry (revoked): once, a fresh one from the authority.
      if ((error as { statusCode?: number }).statusCode !== 401) throw error;
      return this.get<T>(connection, await this.delegatedToken(connection, userAssertion, true), path);
    }
  }

  private async get<T>(connection: GraphTenantConnection, token: string, path: string): Promise<T> {
    const root = new URL(connection.graphBaseUrl.replace(/\/+$/, ''));
    const version = root.pathname.split('/').pop() ?? 'v1.0';
    // The SDK's own auth handler signs only https hosts it knows as Graph's; the configured host is Graph here.
    const bearer = new BearerMiddleware(token);
    bearer.setNext(new HTTPMessageHandler());
    const client = Client.initWithMiddleware({
      baseUrl: `${root.origin}${root.pathname.slice(0, -version.length).replace(/\/+$/, '')}`,
      defaultVersion: version,
      middleware: bearer,
    });
    return (await client.api(path).get()) as T;
  }

  private async delegatedToken(
    connection: GraphTenantConnection,
    userAssertion: string,
    skipCache: boolean,
  ): Promise<string> {
    let client = this.clients.get(connection.tenantId);
    if (!client) this.clients.set(connection.tenantId, (client = confidentialClient(connection)));
    try {
      // MSAL caches the delegated token by assertion: repeated checks in one session ask the authority once.
      const result = await client.acquireTokenOnBehalfOf({
        oboAssertion: userAssertion,
        scopes: [graphScope(connection.graphBaseUrl)],
        skipCache,
      });
      if (!result?.accessToken) throw new Error('no access token in the answer');
      return result.accessToken;
    } catch (error) {
      throw new OnBehalfOfRefused(error);
    }
  }
}

class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: string) {}

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
