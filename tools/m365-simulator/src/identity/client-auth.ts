import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import { refuseClientAssertion } from './client-assertion.js';
import { oauthError } from './oauth-error.js';

export type ClientAuthentication = { ok: true; clientId: string } | { ok: false; refusal: GraphResponse };

/**
 * The calling app's credentials: `client_secret` in the body (`client_secret_post`) or HTTP Basic with the client id
 * and secret URL-encoded (`client_secret_basic`, RFC 6749 section 2.3.1), which the client credentials page says is
 * also supported (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#first-case-access-token-request-with-a-shared-secret).
 */
export async function authenticateClient(
  context: SimulatorContext,
  form: URLSearchParams,
  authorization: string | undefined,
  tokenEndpoints: readonly string[],
): Promise<ClientAuthentication> {
  const { app, displayName } = context.tenant;
  const basic = basicCredentials(authorization);
  const clientId = basic?.clientId ?? form.get('client_id') ?? '';
  // An app the tenant never consented to, or whose consent (its enterprise application) was removed, is not found.
  if (clientId !== app.clientId || !context.appConsented)
    return {
      ok: false,
      refusal: oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      ),
    };
  // A certificate credential (`private_key_jwt`): a JWT signed with the key of the certificate registered on the app.
  if (form.get('client_assertion') !== null) {
    const refusal = await refuseClientAssertion(form, clientId, context.appCertificate, tokenEndpoints);
    return refusal ? { ok: false, refusal } : { ok: true, clientId };
  }
  const secret = basic?.secret ?? form.get('client_secret');
  if (secret === null)
    return {
      ok: false,
      refusal: oauthError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      ),
    };
  if (secret !== app.clientSecret)
    return {
      ok: false,
      refusal: oauthError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      ),
    };
  return { ok: true, clientId };
}

function basicCredentials(authorization: string | undefined): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
