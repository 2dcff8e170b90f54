import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import type { AuthorizationRequest, ResponseMode } from './sign-in-flows.js';
import { consentPage, errorPage, formPostPage, signInPage } from './sign-in-pages.js';

/** Sends the authorization response (a code, or an error) back to the app in the response mode it asked for. */
function respond(
  request: Pick<AuthorizationRequest, 'redirectUri' | 'responseMode' | 'state'>,
  values: Record<string, string>,
): GraphResponse {
  const parameters = new URLSearchParams(values);
  if (request.state !== undefined) parameters.set('state', request.state);
  if (request.responseMode === 'form_post') return formPostPage(request.redirectUri, parameters);
  const back = new URL(request.redirectUri);
  if (request.responseMode === 'fragment') back.hash = parameters.toString();
  else for (const [name, value] of parameters) back.searchParams.set(name, value);
  return { status: 302, headers: { location: back.toString() } };
}

function refuse(
  request: Pick<AuthorizationRequest, 'redirectUri' | 'responseMode' | 'state'>,
  error: string,
  code: number,
  text: string,
): GraphResponse {
  return respond(request, { error, error_description: `AADSTS${code}: ${text}` });
}

function languageOf(query: URLSearchParams, acceptLanguage: string | undefined): 'it' | 'en' {
  const wanted = query.get('ui_locales') ?? acceptLanguage ?? '';
  return /^\s*it\b/i.test(wanted) ? 'it' : 'en';
}

/**
 * `GET /{tenant}/oauth2/v2.0/authorize` ((https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code)). A request for another
 * app, or with a redirect URI the app did not register, gets Entra's error page (400): nothing is sent to an address
 * the app does not own. The rest go back to the redirect URI: `response_type` other than `code` and an unknown
 * `code_challenge_method` as `invalid_request`, `prompt=none` as `login_required` (no one is signed in here); any
 * other request gets the sign-in page listing the tenant's people.
 */
export function authorize(
  context: SimulatorContext,
  tenantSegment: string,
  query: URLSearchParams,
  acceptLanguage: string | undefined,
): GraphResponse {
  const { app } = context.tenant;
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== app.clientId)
    return errorPage(
      400,
      `AADSTS700016: Application with identifier '${query.get('client_id') ?? ''}' was not found in the directory '${context.tenant.displayName}'.`,
    );
  if (!redirectUri || !context.signIns.spaRedirectUris.has(redirectUri))
    return errorPage(
      400,
      `AADSTS50011: The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'.`,
    );
  const mode = query.get('response_mode') ?? 'query';
  const state = query.get('state') ?? undefined;
  const back = {
    redirectUri,
    responseMode: (['query', 'fragment', 'form_post'].includes(mode) ? mode : 'query') as ResponseMode,
    state,
  };
  if (query.get('response_type') !== 'code')
    return refuse(
      back,
      'unsupported_response_type',
      700054,
      `response_type '${query.get('response_type') ?? ''}' is not enabled for the application.`,
    );
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return refuse(back, 'invalid_request', 501491, `Invalid code_challenge_method '${method}'.`);
  if (challenge !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge))
    return refuse(back, 'invalid_request', 501491, 'Invalid size of Code_Challenge parameter.');
  const prompt = query.get('prompt') ?? undefined;
  if (prompt === 'none')
    return refuse(back, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
  const request: AuthorizationRequest = {
    ...back,
    clientId: app.clientId,
    scopes: (query.get('scope') ?? '').split(' ').filter((scope) => scope.length > 0),
    nonce: query.get('nonce') ?? undefined,
    codeChallenge: challenge,
    codeChallengeMethod: method as AuthorizationRequest['codeChallengeMethod'],
    prompt,
    language: languageOf(query, acceptLanguage),
  };
  const flow = context.signIns.start(request);
  const people = context.tenant.users.filter((user) => user.accountEnabled);
  return signInPage(
    request.language,
    `${context.url}/${tenantSegment}/login`,
    flow,
    context.tenant.displayName,
    people,
  );
}

/**
 * `POST /{tenant}/login`: the person picked on the sign-in page. Consent comes next when the request asks for it
 * (`prompt=consent`) or when neither an administrator for the tenant nor the person has consented to the app
 * (https://learn.microsoft.com/entra/identity-platform/application-consent-experience); otherwise the code goes back.
 */
export function signIn(context: SimulatorContext, tenantSegment: string, form: URLSearchParams): GraphResponse {
  const flowId = form.get('flow') ?? '';
  const flow = context.signIns.find(flowId);
  if (!flow) return errorPage(400, 'AADSTS90015: The sign-in session has expired or is not valid. Start again.');
  const user = context.tenant.findUser(form.get('user') ?? '');
  if (!user?.accountEnabled) {
    context.signIns.end(flowId);
    return refuse(flow.request, 'invalid_request', 50034, 'The user account does not exist in the directory.');
  }
  const mustConsent =
    flow.request.prompt === 'consent' || (!context.appConsented && !context.signIns.userConsents.has(user.id));
  if (mustConsent) {
    context.signIns.signedIn(flowId, user.id);
    return consentPage(
      flow.request.language,
      `${context.url}/${tenantSegment}/Consent/Set`,
      flowId,
      context.tenant.app.displayName,
      flow.request.scopes,
    );
  }
  return respond(flow.request, { code: context.signIns.issueCode(flowId, flow.request, user.id) });
}

/**
 * `POST /{tenant}/Consent/Set`: Accept records the person's consent and sends the code; Cancel sends `access_denied`
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#error-response; AADSTS65004 in
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */
export function setConsent(context: SimulatorContext, form: URLSearchParams): GraphResponse {
  const flowId = form.get('flow') ?? '';
  const flow = context.signIns.find(flowId);
  if (!flow?.userId)
    return errorPage(400, 'AADSTS90015: The sign-in session has expired or is not valid. Start again.');
  if (form.get('decision') !== 'accept') {
    context.signIns.end(flowId);
    return refuse(flow.request, 'access_denied', 65004, 'User declined to consent to access the app.');
  }
  context.signIns.userConsents.add(flow.userId);
  return respond(flow.request, { code: context.signIns.issueCode(flowId, flow.request, flow.userId) });
}
