import {
  devSignIn,
  openPortalSession,
  signInAdminWithJobsAside,
  type PortalSession,
} from './support/portal-session.js';

/**
 * The provider's side of support, in Chromium on the real product: the demo's provider directory (served by the
 * simulator beside the customer's) has an operator, who signs in and finds the customer's ticket among every
 * customer's, answers it and moves it on; the customer reads the answer. Italian and English.
 */
let session: PortalSession;
const subject = 'Ripristino della casella di Marta non riuscito';

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
}, 300_000);

afterAll(async () => {
  await session?.close();
});

test("a provider operator answers a customer's ticket from the provider console, and the customer reads the answer", async () => {
  const { page, server } = session;
  await signInAdminWithJobsAside(session, '11');
  const opened = await session.api<{ id: string }>('/support/tickets', {
    method: 'POST',
    body: { subject, description: 'Il ripristino di ieri si è fermato al 40 %.', severity: 'high' },
  });
  const customerToken = await page.evaluate(() => sessionStorage.getItem('custodia.devToken'));

  await page.getByRole('button', { name: 'Sign out' }).click();
  const [operator] = server.sim.moreTenants[0]!.control.listUsers();
  await devSignIn(page, operator!.userPrincipalName, { person: 'Person of the demo tenant', button: 'Sign in' });
  await page.getByRole('heading', { name: `Provider console — ${operator!.displayName}` }).waitFor();
  const row = page.getByRole('row').filter({ hasText: subject });
  await row.getByRole('cell', { name: 'Officine Brambilla S.p.A.' }).waitFor();
  await row.getByRole('cell', { name: 'High' }).waitFor();
  await session.capture('provider-tickets-en');

  await row.getByRole('button', { name: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
  await page.getByLabel(/^Your answer/).fill('Abbiamo riavviato il ripristino: termina entro stasera.');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await page.getByText(`Support (${operator!.displayName})`, { exact: false }).waitFor();
  await page.getByRole('form', { name: 'Set status' }).getByRole('combobox').selectOption('in_progress');
  await page.getByRole('button', { name: 'Set status' }).click();
  await page.locator('dd', { hasText: 'In progress' }).waitFor();

  const answered = await fetch(`${server.url}/api/v1/support/tickets/${opened.id}`, {
    headers: { authorization: `Bearer ${customerToken}` },
  });
  expect(await answered.json()).toMatchObject({
    status: 'in_progress',
    comments: [
      {
        side: 'provider',
        text: 'Abbiamo riavviato il ripristino: termina entro stasera.',
        author: { name: expect.any(String) },
      },
    ],
  });

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
  await page.getByRole('row').filter({ hasText: subject }).waitFor();
  await page.getByLabel('Language').selectOption('it');
  await page.getByRole('heading', { name: `Console del fornitore — ${operator!.displayName}` }).waitFor();
  await page.getByRole('tab', { name: 'Clienti' }).click();
  const customer = page.getByRole('row').filter({ hasText: 'Officine Brambilla S.p.A.' });
  await customer.getByRole('cell', { name: 'Completa' }).waitFor();
  await session.capture('provider-customers-it');
});

test('the provider console is only for the provider: a customer administrator never sees it', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Esci' }).click();
  await devSignIn(page, session.admin.userPrincipalName, { person: 'Persona del tenant demo', button: 'Accedi' });
  await page.getByRole('navigation').first().waitFor();
  expect(await page.getByRole('heading', { name: /Console del fornitore/ }).count()).toBe(0);
  const tickets = await session.api<{ error?: { code: string } }>('/provider/support/tickets');
  expect(tickets.error?.code).toBe('forbidden');
});
