import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import { metaClientConfig, type MetaClientConfigResponse } from '../api/generated.js';

/** Before sign-in there is no token: the public route is read without one, its failure said as is. */
const anonymous = {
  async json(request: { path: string }): Promise<unknown> {
    const response = await fetch(request.path);
    if (!response.ok) throw new Error(`client-config ${response.status}`);
    return response.json();
  },
  file(): never {
    throw new Error('no file is read before sign-in');
  },
};

async function clientConfig(): Promise<MetaClientConfigResponse> {
  return metaClientConfig(anonymous);
}

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
