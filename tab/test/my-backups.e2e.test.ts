import type { Page } from 'playwright-core';
import { devSignIn, openPortalSession, type PortalSession } from './support/portal-session.js';
import { downloadZip, expectZipNaming } from './support/zip-download.js';
import { personApi, selfServiceTenant, type PersonApi, type SelfServiceTenant } from './support/self-service-backup.js';

/** The longest the backup of the group's mailboxes and drives may take on a loaded machine. */
const runTimeoutMs = 120_000;

let session: PortalSession;
let page: Page;
let tenant: SelfServiceTenant;
let person: { id: string; displayName: string; userPrincipalName: string };
let colleague: { id: string; displayName: string };
let personApiCalls: PersonApi;
let deleted: { id: string; subject: string };

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  ({ page } = session);
  tenant = await selfServiceTenant(session.server, runTimeoutMs);
  const users = session.server.sim.control.listUsers();
  const members = users.filter((user) => tenant.members.includes(user.id));
  const [adminUser] = users;
  const others = members.filter((user) => user.id !== adminUser?.id);
  if (!others[0] || !others[1]) throw new Error('the administration group has too few people');
  person = others[0];
  colleague = others[1];
  personApiCalls = await personApi(session.server, person.id);
  const run = await tenant.backUp();
  expect(run.status).toMatch(/succeeded|warning/);
  // After the backup the person deletes a message of their inbox, as people do.
  const inbox = session.server.sim.control.listMessages(person.id, 'inbox');
  const victim = inbox.find((message) => message.subject.length > 8);
  if (!victim) throw new Error('the inbox is empty');
  session.server.sim.control.deleteMessage(person.id, victim.id);
  deleted = victim;
}, runTimeoutMs + 60_000);

afterAll(async () => {
  await session?.close();
});

test('an ordinary person sees only their own mailbox and OneDrive in “My backups”', async () => {
  await page.goto(`${session.server.url}/tab/?view=my-backups`);
  await devSignIn(page, person.userPrincipalName, { person: 'Person of the demo tenant', button: 'Sign in' });
  await page.getByRole('heading', { name: 'My backups', level: 1 }).waitFor();
  const accounts = page.getByRole('combobox', { name: 'Mailbox or OneDrive' });
  await accounts.waitFor();
  const options = await accounts.locator('option').allTextContents();
  // Both are the person's own: the kind says which, and the OneDrive's name ("OneDrive — …") is not prefixed twice.
  expect([...options].sort()).toEqual(['Mailbox', 'OneDrive']);
  // No admin navigation in the personal view.
  await expect(page.getByRole('navigation').count()).resolves.toBe(0);
});

test('the self-service restore guide opens from “My backups”, as the knowledge base writes it, and leads back', async () => {
  await page.getByRole('button', { name: 'Self-service restore guide' }).click();
  await page.getByRole('heading', { level: 1, name: 'Self-service restore guide' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'In Outlook: "Restore from backup"' }).waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('combobox', { name: 'Mailbox or OneDrive' }).waitFor();
});

test('a message deleted in Microsoft 365 is found in the inbox as backed up, restored in place and verified', async () => {
  await page.getByRole('combobox', { name: 'Mailbox or OneDrive' }).selectOption({ index: 0 });
  const mailboxOption = await page.getByRole('combobox', { name: 'Mailbox or OneDrive' }).inputValue();
  expect(mailboxOption).toMatch(/^mailbox:/);
  // The mailbox opens on its Inbox, not on the first folder by name.
  const folders = page.getByRole('combobox', { name: 'Folder' });
  await expect(folders.locator('option').first().textContent()).resolves.not.toBe('Posta in arrivo');
  await expect(folders.locator('option:checked').textContent()).resolves.toBe('Posta in arrivo');
  const row = page.getByRole('row').filter({ hasText: deleted.subject });
  await row.waitFor();
  await session.capture('my-backups-en');
  await row.getByRole('checkbox', { name: `Select ${deleted.subject}` }).check();
  await page.getByText('1 selected').waitFor();
  await page.getByRole('radio', { name: 'Where it was (in place)' }).check();
  await page.getByRole('button', { name: 'Restore selected' }).click();
  await page.getByText('Your restore has started').waitFor();
  // The request opens with each item's outcome, read again until it has ended.
  const itemRow = page
    .getByRole('table', { name: 'Each item restored and checked against its backup' })
    .getByRole('row')
    .filter({ hasText: deleted.subject });
  await itemRow.getByText('Verified: identical to the backup').waitFor({ timeout: 60_000 });
  await itemRow.getByText('Restored', { exact: true }).waitFor();
  // The request's bar has its figure beside it.
  await page.getByRole('row').filter({ hasText: '100 % · 1 of 1 items' }).getByText('Done', { exact: true }).waitFor();
  await session.capture('my-backups-request-en');
  const back = session.server.sim.control.listMessages(person.id, 'inbox').filter((m) => m.subject === deleted.subject);
  expect(back).toHaveLength(1);
  expect(back[0]?.isDraft).toBe(false);
});

test('a search finds the person’s own messages by a word of the subject, and they download as a ZIP', async () => {
  // An ASCII word: it shows in the ZIP's entry names whatever their encoding.
  const word = deleted.subject.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? deleted.subject;
  await page.getByRole('searchbox', { name: 'Search my backups' }).fill(word);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('heading', { name: `Search results for “${word}”` }).waitFor();
  const found = page.getByRole('row').filter({ hasText: deleted.subject }).first();
  await found.getByRole('checkbox').check();
  expectZipNaming(await downloadZip(page, 'Download selected as ZIP'), word);
  await page.getByText('The ZIP file has been downloaded.').waitFor();
  await found.getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Back to the folder' }).click();
  await page.getByRole('heading', { name: 'Items in this folder' }).waitFor();
});

test('a colleague’s mailbox is out of reach: its id answers “not found”, as if it did not exist', async () => {
  const resourceId = `mailbox:${colleague.id}`;
  const folders = await personApiCalls.call<{ error: { code: string; message: string } }>(
    `/me/backups/resources/${encodeURIComponent(resourceId)}/folders`,
  );
  expect(folders.status).toBe(404);
  expect(folders.body.error.code).toBe('not_found');
  const items = await personApiCalls.call<{ error: { code: string } }>(
    `/me/backups/resources/${encodeURIComponent(resourceId)}/items?containerId=inbox`,
  );
  expect(items.status).toBe(404);
  const found = await personApiCalls.call<{ items: Array<{ resourceId: string }> }>(
    `/me/backups/search?q=${encodeURIComponent('Welcome')}`,
  );
  expect(found.body.items.length).toBeGreaterThan(0);
  expect(
    found.body.items.every((item) => item.resourceId.endsWith(person.id) || item.resourceId.startsWith('onedrive')),
  ).toBe(true);
  const restore = await personApiCalls.call<{ error: { code: string } }>('/me/restores', {
    method: 'POST',
    body: { selection: { type: 'resource', resourceId }, target: { type: 'original' }, conflictPolicy: 'skip' },
  });
  expect(restore.status).toBe(404);
});

test('a OneDrive restore waits for an administrator when the tenant asks for approval, and says so', async () => {
  await tenant.setSelfService(true, { oneDriveApproval: true });
  const accounts = page.getByRole('combobox', { name: 'Mailbox or OneDrive' });
  const onedrive = (await accounts.locator('option').allTextContents()).find((text) => text.startsWith('OneDrive'));
  await accounts.selectOption({ label: onedrive ?? '' });
  const firstFile = page
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') })
    .first();
  await firstFile.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Restore selected' }).click();
  await page.getByText('Your OneDrive restore waits for an administrator’s approval.').waitFor();
  await page.getByText('An administrator must approve this restore before it starts.').waitFor();
  await page.getByRole('row').filter({ hasText: 'Waiting for approval' }).waitFor();
  const mine = await personApiCalls.call<{ items: Array<{ status: string }> }>('/me/restores');
  expect(mine.body.items.map((restore) => restore.status)).toContain('awaitingApproval');
  await session.capture('my-backups-approval-en');
  await tenant.setSelfService(true);
  await accounts.selectOption({ index: 0 });
});

test('in Italian the view, its requests and its verification read in Italian', async () => {
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await page.getByRole('heading', { name: 'I miei backup', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Le mie richieste' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Completato' }).first().waitFor();
  await page.getByRole('row').filter({ hasText: 'In attesa di approvazione' }).waitFor();
  await session.capture('my-backups-it');
  await page.getByLabel('Lingua', { exact: true }).selectOption('en');
});

test('with self-service turned off the view says so in the API’s words, and shows no data', async () => {
  await tenant.setSelfService(false);
  const refusal = await personApiCalls.call<{ error: { code: string; message: string } }>('/me/backups/resources');
  expect(refusal.status).toBe(403);
  expect(refusal.body.error.code).toBe('self_service_disabled');
  await page.reload();
  await page.getByRole('alert').getByText(refusal.body.error.message).waitFor();
  await expect(page.getByRole('combobox', { name: 'Mailbox or OneDrive' }).count()).resolves.toBe(0);
  await session.capture('my-backups-off-en');
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await expect(page.getByRole('alert').textContent()).resolves.not.toBe(refusal.body.error.message);
  await session.capture('my-backups-off-it');
  await page.getByLabel('Lingua', { exact: true }).selectOption('en');
  await tenant.setSelfService(true);
});

test('the channel tab shows the tenant’s last backup and alerts to an administrator, a clear refusal to anyone else', async () => {
  // The administration group has no team: a job of its Teams data finds nothing to protect and says so.
  const teamsJob = await tenant.addJob('Amministrazione: Teams', ['teams']);
  const warned = await tenant.runJob(teamsJob);
  expect(warned.status).toBe('warning');
  await page.goto(`${session.server.url}/tab/?view=channel`);
  await page.getByRole('heading', { name: 'Backup protection', level: 1 }).waitFor();
  await page.getByText('Only the backup administrators of your organisation').waitFor();
  await session.capture('channel-forbidden-en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  const [adminUser] = session.server.sim.control.listUsers();
  await devSignIn(page, adminUser?.userPrincipalName ?? '', { person: 'Person of the demo tenant', button: 'Sign in' });
  const facts = page.locator('dl.facts');
  // The latest completed run, warnings or not, is the last backup.
  await facts.getByText(/Amministrazione: Teams/).waitFor();
  const alerts = page.getByRole('list', { name: 'Alerts' });
  await alerts.getByText(/^“Amministrazione: Teams” completed with warnings on /).waitFor();
  await expect(alerts.getByRole('listitem').count()).resolves.toBe(1);
  await session.capture('channel-en');
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await page.getByRole('heading', { name: 'Protezione dei backup', level: 1 }).waitFor();
  await page.getByText('Ultimo backup').waitFor();
  await page.getByText(/^“Amministrazione: Teams” è terminato con avvisi il /).waitFor();
  await session.capture('channel-it');
  await page.getByLabel('Lingua', { exact: true }).selectOption('en');
  // Outside Teams the configuration page explains where it works.
  await page.goto(`${session.server.url}/tab/?view=channel-config`);
  await page.getByRole('heading', { name: 'Add Custodia to this channel', level: 1 }).waitFor();
  await page.getByText('Open this page from Microsoft Teams to add the tab to a channel.').waitFor();
  await session.capture('channel-config-en');
});
