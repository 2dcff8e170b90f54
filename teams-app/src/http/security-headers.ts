import type { Server } from 'restify';

/**
 * The hosts Microsoft documents as frame ancestors a tab must allow to render in Teams, Outlook and the Microsoft 365
 * app (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements): every host
 * (`*.cloud.microsoft`), Teams, the Microsoft 365 app and Outlook. The Outlook pane (the manifest's `extensions`
 * runtime) renders in the same Outlook hosts.
 */
export const microsoft365FrameAncestors = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** Office.js, which the Outlook pane loads from Microsoft's CDN (`tab/src/outlook/office-mailbox.ts`). */
const officeJsOrigin = 'https://appsforoffice.microsoft.com';

/** Where TeamsJS reads the list of host origins it may talk to (it fetches it when it initialises). */
const teamsJsValidDomains = 'https://res.cdn.office.net/teams-js/validDomains/';

/**
 * What the tab loads, and nothing more: its own scripts and styles (Fluent UI writes its styles into `<style>`
 * elements, hence `'unsafe-inline'` for styles only), Office.js, calls to this origin, to the sign-in authority (MSAL
 * reads its metadata and, outside Outlook, renews tokens in a frame of it) and to TeamsJS's list of valid host
 * domains; framed only by Microsoft 365.
 */
export function contentSecurityPolicy(authorityHost: string): string {
  const authority = new URL(authorityHost).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${officeJsOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${authority} ${teamsJsValidDomains}`,
    `frame-src 'self' ${authority}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${microsoft365FrameAncestors.join(' ')}`,
  ].join('; ');
}

/**
 * The headers every response carries. `no-referrer`: nothing of the product needs a Referer, and the portal's
 * addresses can carry what other sites must not see (a background export's download link, a view's parameters).
 */
export function securityHeaders(authorityHost: string): Readonly<Record<string, string>> {
  return {
    'content-security-policy': contentSecurityPolicy(authorityHost),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** Sets the security headers before routing, so API answers, the tab, health, the bot and every error carry them. */
export function applySecurityHeaders(server: Server, authorityHost: string): void {
  const headers = Object.entries(securityHeaders(authorityHost));
  server.pre((_request, response, next) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    return next();
  });
}
