import { mintUserToken } from '@custodia/m365-simulator';
import type { Page } from 'playwright-core';
import { officeSurface, outlookInitScript } from './support/outlook-host.js';
import { devSignIn, openPortalSession, type PortalSession } from './support/portal-session.js';
import { selfServiceTenant, type SelfServiceTenant } from './support/self-service-backup.js';

const runTimeoutMs = 120_000;
const thread = 'Ordine 4711 consegna bulloni';
const removed = 'Preventivo verniciatura capannone';

const messageIdOf = (subject: string) => `<${subject.replace(/\W+/g, '.')}@fornitore.example>`;

/** A message as it arrives; a reply names its parent in In-Reply-To and References, which is how Exchange threads it. */
function mime(subject: string, date: string, to: string, replyTo?: string): string {
  return [
    'From: Fornitore <ordini@fornitore.example>',
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${new Date(date).toUTCString()}`,
    `Message-ID: ${messageIdOf(subject)}`,
    ...(replyTo ? [`In-Reply-To: ${messageIdOf(replyTo)}`, `References: ${messageIdOf(replyTo)}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${subject}: testo del messaggio.`,
    '',
  ].join('\r\n');
}

/** The conversation Outlook shows a message in: Graph's conversationId, read from the simulator as Outlook would. */
async function conversationIdOf(userId: string, subject: string): Promise<string> {
  const { sim } = session.server;
  const granted = await fetch(`${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.app.clientId,
      client_secret: sim.app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const { access_token: token } = (await granted.json()) as { access_token: string };
  const listed = await fetch(
    `${sim.graphBaseUrl}/users/${userId}/mailFolders/inbox/messages?$select=subject,conversationId&$top=100`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const { value } = (await listed.json()) as { value: Array<{ subject: string; conversationId: string }> };
  const found = value.find((message) => message.subject === subject);
  if (!found) throw new Error(`no message ${subject} in the inbox`);
  return found.conversationId;
}

let session: PortalSession;
let page: Page;
let tenant: SelfServiceTenant;
let person: { id: string; userPrincipalName: string };
let token: string;
let threadConversation: string;

beforeAll(
  async () => {
    session = await openPortalSession({ undoSetup: false });
    ({ page } = session);
    tenant = await selfServiceTenant(session.server, runTimeoutMs);
    const { control } = session.server.sim;
    const [adminUser] = control.listUsers();
    const member = control.listUsers().find((user) => tenant.members.includes(user.id) && user.id !== adminUser?.id);
    if (!member) throw new Error('the administration group has no one but the admin');
    person = member;
    const first = control.addMessage(
      person.id,
      'inbox',
      mime(thread, '2026-03-02T08:00:00Z', person.userPrincipalName),
    );
    control.addMessage(
      person.id,
      'inbox',
      mime(`RE: ${thread}`, '2026-03-03T08:00:00Z', person.userPrincipalName, thread),
    );
    const other = control.addMessage(
      person.id,
      'inbox',
      mime(removed, '2026-03-04T08:00:00Z', person.userPrincipalName),
    );
    threadConversation = await conversationIdOf(person.id, `RE: ${thread}`);
    expect((await tenant.backUp()).status).toMatch(/succeeded|warning/);
    // The first message of the thread and another one are deleted; the next backup sees them gone.
    control.deleteMessage(person.id, first);
    control.deleteMessage(person.id, other);
    expect((await tenant.backUp()).status).toMatch(/succeeded|warning/);
    token = await mintUserToken(session.server.sim, { id: person.id });
    const surface = officeSurface('en-GB', {
      subject: `RE: ${thread}`,
      conversationId: threadConversation,
      internetMessageId: `<RE.${thread.replace(/\W+/g, '.')}@fornitore.example>`,
    });
    await page.addInitScript(outlookInitScript(surface, token, { id: person.id, upn: person.userPrincipalName }));
  },
  2 * runTimeoutMs + 60_000,
);

afterAll(async () => {
  await session?.close();
});

test('in Outlook the pane signs in by nested app authentication, with no sign-in page of its own', async () => {
  // Outlook's task pane is narrow.
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(`${session.server.url}/tab/?view=outlook-restore`);
  await page.getByRole('heading', { name: 'Restore from backup', level: 1 }).waitFor();
  await page.getByText(`Message: RE: ${thread}`).waitFor();
  await expect(page.getByRole('combobox', { name: 'Person of the demo tenant' }).count()).resolves.toBe(0);
  const requests = await page.evaluate(() => (window as unknown as { naaRequests: string[] }).naaRequests);
  expect(requests).toContain('GetInitContext');
  expect(requests.some((method) => method === 'GetToken' || method === 'GetTokenPopup')).toBe(true);
});

test('the pane lists the conversation’s backed-up versions and the messages deleted from its folder', async () => {
  const versions = page.getByRole('list', { name: 'Earlier versions of this conversation' });
  await versions.getByText(thread, { exact: true }).waitFor();
  await versions.getByText(`RE: ${thread}`, { exact: true }).waitFor();
  await expect(versions.getByText(removed).count()).resolves.toBe(0);
  const deleted = page.getByRole('list', { name: 'Deleted from this folder' });
  await deleted.getByText(removed, { exact: true }).waitFor();
  await deleted.getByText(thread, { exact: true }).waitFor();
  await expect(deleted.getByText(`RE: ${thread}`, { exact: true }).count()).resolves.toBe(0);
  await session.capture('outlook-pane-en');
});

test('the conversation is the one Outlook names, not a subject: a reply whose subject was changed still shows its thread', async () => {
  const renamed = await page.context().newPage();
  try {
    const surface = officeSurface('en-GB', {
      subject: 'Nuovi prezzi dei bulloni',
      conversationId: threadConversation,
      internetMessageId: '<nuovi.prezzi@fornitore.example>',
    });
    await renamed.addInitScript(outlookInitScript(surface, token, { id: person.id, upn: person.userPrincipalName }));
    await renamed.setViewportSize({ width: 400, height: 900 });
    await renamed.goto(`${session.server.url}/tab/?view=outlook-restore`);
    await renamed.getByText('Message: Nuovi prezzi dei bulloni').waitFor();
    const versions = renamed.getByRole('list', { name: 'Earlier versions of this conversation' });
    await versions.getByText(thread, { exact: true }).waitFor();
    await versions.getByText(`RE: ${thread}`, { exact: true }).waitFor();
    await expect(versions.getByText(removed).count()).resolves.toBe(0);
  } finally {
    await renamed.close();
  }
});

test('one click restores a deleted message to its folder, and Outlook’s mailbox has it again', async () => {
  const { control } = session.server.sim;
  expect(control.listMessages(person.id, 'inbox').filter((m) => m.subject === removed)).toHaveLength(0);
  await page
    .getByRole('list', { name: 'Deleted from this folder' })
    .getByRole('button', { name: `Restore “${removed}”` })
    .click();
  await page.getByText(`“${removed}” is being restored to where it was.`).waitFor();
  const deadline = Date.now() + 60_000;
  while (control.listMessages(person.id, 'inbox').every((m) => m.subject !== removed)) {
    if (Date.now() > deadline) throw new Error('the message did not come back');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const back = control.listMessages(person.id, 'inbox').filter((m) => m.subject === removed);
  expect(back).toHaveLength(1);
  expect(back[0]?.isDraft).toBe(false);
  // Only that message: the thread's deleted first message stays deleted.
  expect(control.listMessages(person.id, 'inbox').filter((m) => m.subject === thread)).toHaveLength(0);
});

test('in Italian the pane reads in Italian and passes axe', async () => {
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await page.getByRole('heading', { name: 'Ripristina dal backup', level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Eliminati da questa cartella' }).waitFor();
  await page.getByText(`“${removed}” è in ripristino dov’era.`).waitFor();
  await session.capture('outlook-pane-it');
});

test('outside Outlook (no Office.js) the pane falls back to the development sign-in', async () => {
  const plain = await page.context().newPage();
  try {
    await plain.goto(`${session.server.url}/tab/?view=outlook-restore`);
    await plain
      .getByRole('combobox', { name: 'Persona del tenant demo' })
      .or(plain.getByRole('combobox', { name: 'Person of the demo tenant' }))
      .waitFor();
    // Signed in, with no message open, the pane says so and claims nothing about backups.
    // The language chosen last is remembered by the browser.
    const italian = (await plain.getByRole('combobox', { name: 'Persona del tenant demo' }).count()) > 0;
    await devSignIn(
      plain,
      person.userPrincipalName,
      italian
        ? { person: 'Persona del tenant demo', button: 'Accedi' }
        : { person: 'Person of the demo tenant', button: 'Sign in' },
    );
    if (italian) await plain.getByLabel('Lingua', { exact: true }).selectOption('en');
    await plain.getByText(/^No message is open here: open one in Outlook/).waitFor();
    await expect(plain.getByRole('heading', { name: 'Earlier versions of this conversation' }).count()).resolves.toBe(
      0,
    );
    await expect(plain.getByText(/hold no message|Nothing deleted/).count()).resolves.toBe(0);
  } finally {
    await plain.close();
  }
});
