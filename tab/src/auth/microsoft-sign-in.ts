import { BrowserCacheLocation, PublicClientApplication, type AccountInfo } from '@azure/msal-browser';
import { clientConfig } from './client-config.js';
import { authorityAccess } from './loopback-authority.js';

/** "Sign in with Microsoft" in a plain browser: MSAL's authorization code flow with PKCE, by redirect. */
export interface MicrosoftSignIn {
  /**
   * The API token of the person who just came back from Microsoft's sign-in page, or of the one signed in earlier in
   * this browser tab (renewed silently when it can be); null when nobody is.
   */
  restore(): Promise<string | null>;
  /** Leaves for Microsoft's sign-in page; the portal opens again at `restore`. */
  start(): Promise<void>;
  /** Forgets the account and its tokens in this browser tab. */
  signOut(): Promise<void>;
}

/** The page Microsoft sends the person back to: registered on the app as its single-page application redirect URI. */
export const redirectPath = '/tab/signed-in';

async function create(): Promise<MicrosoftSignIn> {
  const config = await clientConfig();
  const access = authorityAccess(config.authority);
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: access.authority,
      ...(access.knownAuthorities && { knownAuthorities: access.knownAuthorities }),
      redirectUri: `${window.location.origin}${redirectPath}`,
    },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: {
      ...(access.networkClient && { networkClient: access.networkClient }),
      ...(access.navigationClient && { navigationClient: access.navigationClient }),
    },
  });
  await msal.initialize();
  const scopes = [config.apiScope];
  const account = (): AccountInfo | null => msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
  return {
    async restore() {
      const result = await msal.handleRedirectPromise();
      if (result) {
        msal.setActiveAccount(result.account);
        return result.accessToken;
      }
      const known = account();
      if (!known) return null;
      try {
        return (await msal.acquireTokenSilent({ scopes, account: known })).accessToken;
      } catch {
        return null;
      }
    },
    async start() {
      await msal.loginRedirect({ scopes, prompt: 'select_account' });
    },
    async signOut() {
      const known = account();
      await msal.clearCache(known ? { account: known } : undefined);
    },
  };
}

let instance: Promise<MicrosoftSignIn> | undefined;

/** One MSAL instance for the page, created on first use from the server's client configuration. */
export function microsoftSignIn(): Promise<MicrosoftSignIn> {
  instance ??= create();
  return instance;
}
