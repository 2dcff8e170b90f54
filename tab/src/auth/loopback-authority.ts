import {
  NavigationClient,
  type INetworkModule,
  type NavigationOptions,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-browser';

/** How MSAL reaches the authority: the authority as MSAL takes it, and the hosts and clients that go with it. */
export interface AuthorityAccess {
  readonly authority: string;
  readonly knownAuthorities?: string[];
  readonly networkClient?: INetworkModule;
  readonly navigationClient?: NavigationClient;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

class RewritingNavigationClient extends NavigationClient {
  constructor(private readonly plain: (url: string) => string) {
    super();
  }

  override navigateExternal(url: string, options: NavigationOptions): Promise<boolean> {
    return super.navigateExternal(this.plain(url), options);
  }
}

async function answer<T>(response: Response): Promise<NetworkResponse<T>> {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: (await response.json()) as T };
}

/**
 * MSAL takes only `https:` authorities (msal-common's `authority_uri_insecure`). Microsoft's always is; the tenant
 * simulator a development server runs on answers plain `http:` on loopback. For that one case MSAL is given the
 * authority as `https:`, told it is a known authority (no instance discovery), and its requests and navigations to it
 * go out over `http:` again, as the simulator's README describes for msal-node. Any other authority is used as is.
 */
export function authorityAccess(authority: string): AuthorityAccess {
  const url = new URL(authority);
  if (url.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) return { authority };
  const plainOrigin = url.origin;
  const secureOrigin = plainOrigin.replace(/^http:/, 'https:');
  const plain = (target: string) =>
    target.startsWith(secureOrigin) ? plainOrigin + target.slice(secureOrigin.length) : target;
  const send = async <T>(target: string, method: string, options?: NetworkRequestOptions) =>
    answer<T>(await fetch(plain(target), { method, headers: options?.headers ?? {}, body: options?.body ?? null }));
  return {
    authority: secureOrigin + authority.slice(plainOrigin.length),
    knownAuthorities: [url.host],
    networkClient: {
      sendGetRequestAsync: <T>(target: string, options?: NetworkRequestOptions) => send<T>(target, 'GET', options),
      sendPostRequestAsync: <T>(target: string, options?: NetworkRequestOptions) => send<T>(target, 'POST', options),
    },
    navigationClient: new RewritingNavigationClient(plain),
  };
}
