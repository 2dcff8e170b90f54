import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordPolicyViolations } from './support/browser.js';
import { startPortalServer, type PortalServer } from './support/portal-server.js';
import { navItem } from './support/portal-session.js';

let server: PortalServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startPortalServer({ undoSetup: false });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface SignedIn {
  page: Page;
  refusedByPolicy: readonly string[];
  /** The bearer tokens the portal sent to the API. */
  tokens: Set<string>;
  /** The authorization request MSAL sent the browser to. */
  authorize: URL;
}

/**
 * Opens the portal in a plain browser, presses "Sign in with Microsoft", and picks `person` on the tenant simulator's
 * sign-in page, as a person does on Microsoft's.
 */
async function signInWithMicrosoft(person: { displayName: string }): Promise<SignedIn> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const refusedByPolicy = recordPolicyViolations(page);
  const tokens = new Set<string>();
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (request.url().includes('/api/v1/') && authorization?.startsWith('Bearer ')) tokens.add(authorization.slice(7));
  });
  await page.goto(`${server.url}/tab/`);
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await page.waitForURL((url) => url.origin === new URL(server.sim.url).origin);
  const authorize = new URL(page.url());
  await page.getByRole('button', { name: new RegExp(`^${person.displayName} — `) }).click();
  return { page, refusedByPolicy, tokens, authorize };
}

async function me(token: string): Promise<{ role: string; email: string }> {
  const response = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { role: string; email: string };
}

test('an administrator signs in with Microsoft through the authorize endpoint and works in the portal as administrator; signing out forgets them', async () => {
  const [admin] = server.sim.control.listUsers();
  if (!admin) throw new Error('the demo tenant has no users');
  const { page, refusedByPolicy, tokens, authorize } = await signInWithMicrosoft(admin);
  // The authority the server names, the authorization code flow with PKCE, for the API's scope.
  expect(authorize.pathname).toBe('/organizations/oauth2/v2.0/authorize');
  expect(
    Object.fromEntries(
      ['response_type', 'code_challenge_method', 'client_id'].map((name) => [name, authorize.searchParams.get(name)]),
    ),
  ).toEqual({
    response_type: 'code',
    code_challenge_method: 'S256',
    client_id: server.sim.app.clientId,
  });
  expect(authorize.searchParams.get('scope')?.split(' ')).toContain(`api://${server.sim.app.clientId}/access_as_user`);
  await page.getByRole('heading', { name: 'Licence terms' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/tab/');
  await page.getByLabel('I have read and accept the licence terms').check();
  await page.getByRole('button', { name: 'Accept and continue' }).click();
  // Restore is an administrator's section: the portal knows the person's role from the API.
  await navItem(page, 'Restore').waitFor();
  const [token] = tokens;
  if (!token) throw new Error('the portal called the API without a token');
  expect(await me(token)).toEqual(
    expect.objectContaining({ role: 'tenant_admin', email: admin.userPrincipalName.toLowerCase() }),
  );
  // A reload keeps the person signed in: MSAL gives the token again from its cache for the browser tab.
  await page.reload();
  await navItem(page, 'Restore').waitFor();
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft' }).count()).resolves.toBe(0);
  expect(refusedByPolicy).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor();
  await expect(navItem(page, 'Restore').count()).resolves.toBe(0);
  await page.close();
}, 90_000);

test('a person of the tenant without a portal role signs in with Microsoft and is refused in English and in Italian', async () => {
  const people = server.sim.control.listUsers();
  const person = people[3];
  if (!person) throw new Error('the demo tenant has too few users');
  const { page, refusedByPolicy, tokens } = await signInWithMicrosoft(person);
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  const english = await refusal.innerText();
  await page.getByLabel('Language').selectOption('it');
  await page.waitForFunction((before) => document.querySelector('[role="alert"]')?.textContent !== before, english);
  const italian = await page.getByRole('alert').innerText();
  expect(english).toContain('You do not have permission for this operation.');
  expect(italian).toContain('Non hai i permessi per questa operazione.');
  const [token] = tokens;
  if (!token) throw new Error('the portal called the API without a token');
  expect(await me(token)).toEqual(expect.objectContaining({ role: 'self_service' }));
  expect(refusedByPolicy).toEqual([]);
  await page.close();
}, 90_000);
