import { createHash } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import { oauthError, spaRedemptionNotCrossOrigin } from './oauth-error.js';
import type { IssuedCode } from './sign-in-flows.js';
import { issueTokenSet } from './token-set.js';

function challengeOf(verifier: string, method: IssuedCode['request']['codeChallengeMethod']): string {
  return method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
}

/** What the request must show before a code is redeemed: the refusal, or undefined when it may be. */
function refusal(
  issued: IssuedCode | undefined,
  form: URLSearchParams,
  origin: string | undefined,
): GraphResponse | undefined {
  if (!issued)
    return oauthError(400, 'invalid_grant', 70000, "The provided value for the 'code' parameter is not valid.");
  if (issued.redeemed)
    return oauthError(
      400,
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  if (issued.expiresAt < Date.now())
    return oauthError(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity.',
    );
  if (form.get('client_id') !== issued.request.clientId)
    return oauthError(
      400,
      'invalid_grant',
      70000,
      "The provided value for the 'code' parameter is not valid: it was issued to another application.",
    );
  if (form.get('redirect_uri') !== issued.request.redirectUri)
    return oauthError(
      400,
      'invalid_grant',
      70000,
      "The provided value for the 'redirect_uri' parameter is not valid. The value must exactly match the redirect URI used to obtain the authorization code.",
    );
  // The redirect URI is a single-page application's: its codes are redeemed only cross-origin, with PKCE.
  if (origin === undefined) return spaRedemptionNotCrossOrigin();
  if (issued.request.codeChallenge === undefined)
    return oauthError(
      400,
      'invalid_request',
      9002325,
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    );
  const verifier = form.get('code_verifier');
  if (verifier === null)
    return oauthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'code_verifier'.",
    );
  if (challengeOf(verifier, issued.request.codeChallengeMethod) !== issued.request.codeChallenge)
    return oauthError(
      400,
      'invalid_grant',
      50148,
      'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
    );
  return undefined;
}

/**
 * `grant_type=authorization_code` from a single-page application
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token):
 * a public client, no secret; the code once, by the app and redirect URI it was issued for, within ten minutes, with
 * the `code_verifier` of its `code_challenge`, from the browser (`Origin`). The answer: `token-set.ts`.
 */
export async function redeemAuthorizationCode(
  context: SimulatorContext,
  form: URLSearchParams,
  origin: string | undefined,
): Promise<GraphResponse> {
  const issued = context.signIns.code(form.get('code') ?? '');
  const refused = refusal(issued, form, origin);
  if (refused || !issued) return refused ?? oauthError(400, 'invalid_grant', 70000, 'The code is not valid.');
  const user = context.tenant.findUser(issued.userId);
  if (!user?.accountEnabled)
    return oauthError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.');
  issued.redeemed = true;
  return issueTokenSet(context, {
    clientId: issued.request.clientId,
    user,
    scopes: (form.get('scope') ?? issued.request.scopes.join(' ')).split(' ').filter((scope) => scope.length > 0),
    nonce: issued.request.nonce,
    clientInfo: form.get('client_info') === '1',
  });
}
