import type { GraphResponse } from '../http/types.js';

type Language = 'it' | 'en';

const words = {
  en: {
    signIn: 'Sign in',
    pickAccount: 'Pick an account of {tenant}',
    consentTitle: 'Permissions requested',
    consentIntro: '{app} would like to:',
    signInAndProfile: 'Sign you in and read your profile',
    offlineAccess: 'Maintain access to data you have given it access to',
    accept: 'Accept',
    cancel: 'Cancel',
  },
  it: {
    signIn: 'Accedi',
    pickAccount: 'Scegli un account di {tenant}',
    consentTitle: 'Autorizzazioni richieste',
    consentIntro: '{app} vorrebbe:',
    signInAndProfile: "Eseguire l'accesso e leggere il tuo profilo",
    offlineAccess: 'Mantenere l’accesso ai dati a cui hai concesso l’accesso',
    accept: 'Accetta',
    cancel: 'Annulla',
  },
} as const;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(status: number, language: Language, title: string, body: string): GraphResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store, no-cache' },
    body: Buffer.from(
      `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
        `<body><main>${body}</main></body></html>`,
    ),
  };
}

/** Entra's error page: the request cannot be sent back to the app, so the person reads the AADSTS error here. */
export function errorPage(status: number, text: string): GraphResponse {
  return page(status, 'en', 'Sign in', `<h1>Sign in</h1><p>${escape(text)}</p>`);
}

/** The account picker: every enabled person of the tenant, one button each. */
export function signInPage(
  language: Language,
  action: string,
  flow: string,
  tenantName: string,
  people: ReadonlyArray<{ id: string; displayName: string; userPrincipalName: string }>,
): GraphResponse {
  const text = words[language];
  const buttons = people
    .map(
      (person) =>
        `<li><button type="submit" name="user" value="${escape(person.id)}">${escape(person.displayName)} — ${escape(person.userPrincipalName)}</button></li>`,
    )
    .join('');
  return page(
    200,
    language,
    text.signIn,
    `<h1>${text.signIn}</h1><form method="post" action="${escape(action)}">` +
      `<input type="hidden" name="flow" value="${escape(flow)}">` +
      `<p>${escape(text.pickAccount.replace('{tenant}', tenantName))}</p><ul>${buttons}</ul></form>`,
  );
}

const signInScopes = new Set(['openid', 'profile', 'email']);

/**
 * The consent prompt (https://learn.microsoft.com/entra/identity-platform/application-consent-experience): the app's
 * name, what it asks for, Accept and Cancel.
 */
export function consentPage(
  language: Language,
  action: string,
  flow: string,
  appName: string,
  scopes: readonly string[],
): GraphResponse {
  const text = words[language];
  const lines = [
    ...(scopes.some((scope) => signInScopes.has(scope)) ? [text.signInAndProfile] : []),
    ...(scopes.includes('offline_access') ? [text.offlineAccess] : []),
    ...scopes.filter((scope) => !signInScopes.has(scope) && scope !== 'offline_access'),
  ];
  return page(
    200,
    language,
    text.consentTitle,
    `<h1>${text.consentTitle}</h1><p>${escape(text.consentIntro.replace('{app}', appName))}</p>` +
      `<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>` +
      `<form method="post" action="${escape(action)}"><input type="hidden" name="flow" value="${escape(flow)}">` +
      `<button type="submit" name="decision" value="accept">${text.accept}</button> ` +
      `<button type="submit" name="decision" value="cancel">${text.cancel}</button></form>`,
  );
}

/** `response_mode=form_post`: a form that posts the response to the redirect URI as soon as the page loads. */
export function formPostPage(redirectUri: string, parameters: URLSearchParams): GraphResponse {
  const fields = [...parameters]
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  return page(
    200,
    'en',
    'Working…',
    `<form method="post" action="${escape(redirectUri)}">${fields}<noscript><button type="submit">Continue</button></noscript></form>` +
      '<script>document.forms[0].submit()</script>',
  );
}
