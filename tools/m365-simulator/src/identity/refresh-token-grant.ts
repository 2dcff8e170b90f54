import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import { oauthError, spaRedemptionNotCrossOrigin } from './oauth-error.js';
import { issueTokenSet } from './token-set.js';

/**
 * `grant_type=refresh_token` from a single-page application
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token): by the app
 * it was issued to, from the browser, within the 24 hours of the sign-in; the answer is a new token set with a new
 * refresh token that keeps the same end (https://learn.microsoft.com/entra/identity-platform/refresh-tokens#token-lifetime).
 */
export async function redeemRefreshToken(
  context: SimulatorContext,
  form: URLSearchParams,
  origin: string | undefined,
): Promise<GraphResponse> {
  const grant = context.signIns.refreshToken(form.get('refresh_token') ?? '');
  if (!grant || form.get('client_id') !== grant.clientId)
    return oauthError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (origin === undefined) return spaRedemptionNotCrossOrigin();
  if (grant.expiresAt < Date.now())
    return oauthError(
      400,
      'invalid_grant',
      700084,
      'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
    );
  const user = context.tenant.findUser(grant.userId);
  if (!user?.accountEnabled) return oauthError(400, 'invalid_grant', 50057, 'The user account is disabled.');
  const scopes = (form.get('scope') ?? grant.scopes.join(' ')).split(' ').filter((scope) => scope.length > 0);
  return issueTokenSet(context, {
    clientId: grant.clientId,
    user,
    scopes,
    nonce: undefined,
    clientInfo: form.get('client_info') === '1',
    refreshExpiresAt: grant.expiresAt,
  });
}
