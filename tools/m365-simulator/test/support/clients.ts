import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { RunningSimulator } from '../../src/index.js';

/**
 * msal-node refuses `http:` authorities (authority_uri_insecure), so the authority is given as `https://127.0.0.1:PORT`
 * with the host in `knownAuthorities` (no instance discovery), and this network client sends its calls over plain
 * HTTP to the simulator. The same configuration is documented in the README for the product's Graph layer.
 */
export function loopbackNetworkClient(authorityHost: string): INetworkModule {
  const secure = authorityHost.replace(/^http:/, 'https:');
  const toPlain = (url: string) => (url.startsWith(secure) ? `${authorityHost}${url.slice(secure.length)}` : url);
  const send = async <T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const response = await fetch(toPlain(url), {
      method,
      headers: options?.headers ?? {},
      ...(options?.body ? { body: options.body } : {}),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: (await response.json()) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

export function msalFor(
  sim: RunningSimulator,
  overrides: { clientSecret?: string; tenant?: string } = {},
): ConfidentialClientApplication {
  const host = new URL(sim.authorityHost).host;
  return new ConfidentialClientApplication({
    auth: {
      clientId: sim.app.clientId,
      clientSecret: overrides.clientSecret ?? sim.app.clientSecret,
      authority: `https://${host}/${overrides.tenant ?? sim.tenantId}`,
      knownAuthorities: [host],
    },
    system: { networkClient: loopbackNetworkClient(sim.authorityHost) },
  });
}

export async function appToken(sim: RunningSimulator): Promise<string> {
  const result = await msalFor(sim).acquireTokenByClientCredential({
    scopes: ['https://graph.microsoft.com/.default'],
  });
  if (!result?.accessToken) throw new Error('no token');
  return result.accessToken;
}

/**
 * The Graph client's AuthenticationHandler only adds tokens for `https:` hosts, so over loopback HTTP a small middleware
 * sets the bearer token instead, in front of the stock HTTPMessageHandler.
 */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${await this.token()}`);
    context.options = { ...options, headers: Object.fromEntries(headers) };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export interface SimGraph {
  client: Client;
  /** `@odata.nextLink` and `@odata.deltaLink` are absolute `http:` URLs; the client only parses `https:` ones, so pass the path. */
  path(link: string): string;
}

export function graphFor(sim: RunningSimulator, token: () => Promise<string>): SimGraph {
  const auth = new BearerMiddleware(token);
  auth.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${sim.url}/`, defaultVersion: 'v1.0' });
  return { client, path: (link) => link.slice(sim.graphBaseUrl.length) };
}

/** A Graph client for the simulator's app registration (client credentials through msal-node). */
export async function appGraph(sim: RunningSimulator): Promise<SimGraph> {
  const msal = msalFor(sim);
  return graphFor(sim, async () => {
    const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    return result?.accessToken ?? '';
  });
}

/** Follows `@odata.nextLink` to the end; returns every item and the final `@odata.deltaLink` if any. */
export async function readAllPages<T>(
  graph: SimGraph,
  first: string,
  headers: Record<string, string> = {},
): Promise<{ items: T[]; deltaLink?: string; pages: number }> {
  const items: T[] = [];
  let next: string | undefined = first;
  let pages = 0;
  let deltaLink: string | undefined;
  while (next) {
    const page = (await graph.client.api(next).headers(headers).get()) as {
      value: T[];
      '@odata.nextLink'?: string;
      '@odata.deltaLink'?: string;
    };
    pages++;
    items.push(...page.value);
    next = page['@odata.nextLink'] ? graph.path(page['@odata.nextLink']) : undefined;
    deltaLink = page['@odata.deltaLink'];
  }
  return { items, pages, ...(deltaLink ? { deltaLink } : {}) };
}

/** Raw HTTP to the simulator with a bearer token, for what the Graph client hides (status codes, headers, redirects). */
export async function rawGraph(
  sim: RunningSimulator,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${sim.graphBaseUrl}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
}
