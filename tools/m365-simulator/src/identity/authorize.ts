import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';

/**
 * `GET /{tenant}/oauth2/v2.0/authorize` (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code).
 * The simulator has no one to sign in interactively: a request naming an unknown app or no `redirect_uri` is answered
 * with Entra's error page (400); a valid one with `prompt=none` is sent back to its `redirect_uri` with
 * `error=login_required`, as when no user is signed in; otherwise with the sign-in page (200, text/html).
 */
export function authorize(context: SimulatorContext, query: URLSearchParams): GraphResponse {
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== context.tenant.app.clientId || !redirectUri || query.get('response_type') === null)
    return html(400, 'AADSTS700016: The request is not valid for the application registration.');
  if (query.get('prompt') === 'none') {
    const back = new URL(redirectUri);
    back.searchParams.set('error', 'login_required');
    back.searchParams.set(
      'error_description',
      'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
    );
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }
  return html(200, `Sign in to ${context.tenant.displayName}`);
}

function html(status: number, text: string): GraphResponse {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from(`<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>${escaped}</p></body></html>`),
  };
}
