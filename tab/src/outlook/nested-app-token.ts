import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import { clientConfig } from '../auth/client-config.js';

/**
 * Nested app authentication: Outlook signs the person in and hands MSAL a token for the API's scope, silently when it
 * can, with Outlook's own prompt when consent or a sign-in is needed.
 */
export async function nestedAppTokenSource(): Promise<() => Promise<string>> {
  const config = await clientConfig();
  const msal: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority },
  });
  const request = { scopes: [config.apiScope] };
  return async () => {
    try {
      return (await msal.acquireTokenSilent(request)).accessToken;
    } catch {
      return (await msal.acquireTokenPopup(request)).accessToken;
    }
  };
}
