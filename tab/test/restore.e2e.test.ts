import type { Page } from 'playwright-core';
import { directoryGroup } from './support/directory.js';
import {
  backUpGroup,
  devSignIn,
  navItem,
  openPortalSession,
  signInAdminWithJobsAside,
  type PortalSession,
} from './support/portal-session.js';
import { downloadZip, expectZipNaming } from './support/zip-download.js';

interface Listed<T> {
  items: T[];
}
interface ApiRestore {
  id: string;
  status: string;
  approval: { decision: string; note: string | null } | null;
  requestedBy: string;
  restoreFolderName: string;
  progress: { total: number; restored: number; verified: number };
}

/** The administration group's mail and OneDrive only: four people, so the backup stays short. */
const groupName = 'Amministrazione';
/** A message of our own, with words no generated message has, to find by browsing and by search. */
const subject = 'Preventivo ponteggi Brambilla 4711';
const searchWords = 'ponteggi 4711';
/** The longest the backup of those accounts may take on a loaded machine. */
const runTimeoutMs = 90_000;

let session: PortalSession;
let page: Page;
let owner: { id: string; userPrincipalName: string; displayName: string };
let selfServiceUser: { id: string; userPrincipalName: string };
let messageId: string;

/** Polls until `read` returns a value, as the product moves on its own time. */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the product');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function inboxSubjects(): string[] {
  return session.server.sim.control.listMessages(owner.id, 'inbox').map((message) => message.subject);
}

/** A group member asks, in "My backups", for their whole OneDrive back in a new folder (through the API). */
async function requestOwnOneDriveRestore(): Promise<ApiRestore> {
  const signIn = await fetch(`${session.server.url}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userPrincipalName: selfServiceUser.userPrincipalName }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const asUser = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${session.server.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as T;
  };
  const own = await asUser<Listed<{ id: string; kind: string }>>('/me/backups/resources?kind=onedrive');
  const drive = own.items[0];
  if (!drive) throw new Error('the self-service user has no backed-up OneDrive');
  return asUser<ApiRestore>('/me/restores', {
    selection: { type: 'resource', resourceId: drive.id },
    target: { type: 'newFolder' },
    conflictPolicy: 'keepBoth',
  });
}

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  page = session.page;
  const group = await directoryGroup(session.server.sim, groupName);
  const users = session.server.sim.control.listUsers();
  const members = users.filter((user) => group.memberIds.includes(user.id));
  const [first, second] = members;
  if (!first || !second) throw new Error(`${groupName} needs two members`);
  owner = first;
  selfServiceUser = second;
  messageId = session.server.sim.control.addMessage(
    owner.id,
    'inbox',
    [
      `From: fornitore@ponteggi.example`,
      `To: ${owner.userPrincipalName}`,
      `Subject: ${subject}`,
      'Date: Mon, 02 Feb 2026 09:15:00 +0000',
      'Message-ID: <preventivo-4711@ponteggi.example>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'In allegato il preventivo richiesto.',
      '',
    ].join('\r\n'),
  );

  await signInAdminWithJobsAside(session, '40');
  await backUpGroup(
    session,
    {
      name: 'Amministrazione: posta e OneDrive',
      groupId: group.id,
      workloads: ['exchange', 'onedrive'],
      minutes: '40',
    },
    runTimeoutMs,
  );
  // The message is lost after the backup: the restore must bring it back.
  session.server.sim.control.deleteMessage(owner.id, messageId);
}, 150_000);

afterAll(async () => {
  await session?.close();
});

const itemCheckbox = () => page.getByRole('checkbox', { name: `Select ${subject}` });

test('a deleted message is found as of the backup run by browsing and by search, and exports as a ZIP now or prepared', async () => {
  expect(inboxSubjects()).not.toContain(subject);
  await navItem(page, 'Restore').click();
  await page.getByRole('heading', { name: 'Restore', level: 1 }).waitFor();
  await page.getByLabel('Type', { exact: true }).selectOption('mailbox');
  await page
    .getByLabel('Account', { exact: true })
    .selectOption({ label: `${owner.displayName} (${owner.userPrincipalName})` });
  const point = page.getByLabel('As of', { exact: true });
  await point
    .locator('option', { hasText: /^Backup of/ })
    .first()
    .waitFor({ state: 'attached' });
  await point.selectOption({ index: 1 });
  await page.getByRole('list', { name: 'Folders' }).getByRole('button', { name: 'Posta in arrivo' }).click();
  await itemCheckbox().check();
  await page.getByRole('radio', { name: 'The selected items (1)' }).waitFor();
  await session.capture('restore-en');

  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByLabel(/^Words/).fill(searchWords);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('heading', { name: `Items matching “${searchWords}”` }).waitFor();
  const results = page.getByRole('table', { name: `Items matching “${searchWords}”` });
  await results.getByRole('row').filter({ hasText: subject }).waitFor();
  // The header and the one message: the search is confined to the chosen account.
  await expect(results.getByRole('row').count()).resolves.toBe(2);
  await expect(itemCheckbox().isChecked()).resolves.toBe(true);
  await session.capture('restore-search-en');

  expectZipNaming(await downloadZip(page, 'Download ZIP'), subject);
  await page.getByText('The ZIP was downloaded.').waitFor();

  await page.getByRole('button', { name: 'Prepare a large export' }).click();
  const link = page.getByRole('link', { name: /^Download the export \(items: 1,/ });
  await link.waitFor({ timeout: 30_000 });
  await page.getByText(/The link works until/).waitFor();
  const prepared = await fetch(`${session.server.url}${await link.getAttribute('href')}`);
  expect(prepared.headers.get('content-type')).toBe('application/zip');
  expectZipNaming(Buffer.from(await prepared.arrayBuffer()), subject);
}, 60_000);

test('restored to its original folder, the message is followed to 100 % and verified, and is back in the mailbox', async () => {
  // The other choice says how the new folder is named, not a placeholder.
  await page
    .getByRole('radio', { name: 'A new folder named “Restored” and the date and time of the request (UTC)' })
    .waitFor();
  await expect(page.getByText(/<date>/).count()).resolves.toBe(0);
  await page.getByRole('radio', { name: 'The original location' }).check();
  await page.getByRole('radio', { name: /^Skip/ }).check();
  await page.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Selected items: 1').waitFor();
  await dialog.getByText(owner.userPrincipalName, { exact: false }).waitFor();
  await session.capture('restore-confirm-en');
  await dialog.getByRole('button', { name: 'Start restore' }).click();

  // The bar has its figure beside it: the percentage and the items.
  await page.getByText('100 % · 1 of 1 items').waitFor({ timeout: 60_000 });
  await page.getByRole('progressbar', { name: 'Progress: 100 %' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: subject });
  await row.getByText('✓ Verified').waitFor();
  await row.getByText('Restored', { exact: true }).waitFor();
  await session.capture('restore-progress-en');
  expect(inboxSubjects().filter((s) => s === subject)).toHaveLength(1);
  const restores = await session.api<Listed<ApiRestore>>('/restores');
  expect(restores.items[0]).toMatchObject({ status: 'completed', progress: { total: 1, restored: 1, verified: 1 } });

  await session.openTab('Restores');
  const listed = page.getByRole('row').filter({ hasText: 'Completed' });
  await listed.getByText('Items: 1', { exact: true }).waitFor();
  await listed.getByText('100 % · 1 of 1 items').waitFor();
  await session.capture('restores-en');
  await listed.getByRole('button').click();
  await page.getByRole('row').filter({ hasText: subject }).getByText('✓ Verified').waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
}, 90_000);

test('a self-service OneDrive restore waits in Approvals until approved, then leaves the queue and runs', async () => {
  await session.openTab('Approvals');
  await page.getByText(/No request is waiting/).waitFor();
  await session.capture('approvals-empty-en');
  await session.api('/settings', {
    method: 'PATCH',
    body: { selfServiceRestore: true, oneDriveSelfServiceNeedsApproval: true },
  });
  const waiting = await requestOwnOneDriveRestore();
  expect(waiting.status).toBe('awaitingApproval');

  await page.getByRole('button', { name: 'Refresh' }).click();
  const row = page.getByRole('row').filter({ hasText: waiting.requestedBy });
  // The folder's real name, decided when the restore was asked: no placeholder.
  expect(waiting.restoreFolderName).toMatch(/^(Ripristino|Restored) \d{4}-\d{2}-\d{2} \d{2}\.\d{2}$/);
  await row.getByText(`A new folder “${waiting.restoreFolderName}”`).waitFor();
  await session.capture('approvals-en');
  await row.getByRole('button', { name: 'Approve' }).click();
  await page.getByText(`The restore requested by ${waiting.requestedBy} was approved and starts now.`).waitFor();
  await page.getByText(/No request is waiting/).waitFor();
  await expect(session.api<Listed<ApiRestore>>('/approvals')).resolves.toMatchObject({ items: [] });
  // The approved restore runs; the test waits for it so that nothing is left writing when the product stops.
  await eventually(async () => {
    const restore = await session.api<ApiRestore>(`/restores/${waiting.id}`);
    return restore.status === 'completed' || restore.status === 'failed' ? restore.status : undefined;
  }, 60_000);
}, 90_000);

test('a rejected request asks for a note and a confirmation, then leaves the queue with the note kept', async () => {
  const waiting = await requestOwnOneDriveRestore();
  expect(waiting.status).toBe('awaitingApproval');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('row').filter({ hasText: waiting.requestedBy }).getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Note for the requester').fill('Ripristino già fatto ieri / restored yesterday');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(session.api<ApiRestore>(`/restores/${waiting.id}`)).resolves.toMatchObject({
    status: 'awaitingApproval',
  });
  await page.getByRole('row').filter({ hasText: waiting.requestedBy }).getByRole('button', { name: 'Reject' }).click();
  await dialog.getByLabel('Note for the requester').fill('Ripristino già fatto ieri / restored yesterday');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText(`The restore requested by ${waiting.requestedBy} was rejected.`).waitFor();
  await page.getByText(/No request is waiting/).waitFor();
  await expect(session.api<ApiRestore>(`/restores/${waiting.id}`)).resolves.toMatchObject({
    status: 'rejected',
    approval: { decision: 'rejected', note: 'Ripristino già fatto ieri / restored yesterday' },
  });
}, 60_000);

test('the restore pages in Italian', async () => {
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await session.openTab('Approvazioni');
  await page.getByText(/Nessuna richiesta in attesa/).waitFor();
  await session.capture('approvals-it');
  await session.openTab('Ripristini');
  await page.getByRole('row').filter({ hasText: 'Completato' }).first().waitFor();
  await session.capture('restores-it');
  await session.openTab('Ripristino');
  await page
    .getByLabel('Account', { exact: true })
    .selectOption({ label: `${owner.displayName} (${owner.userPrincipalName})` });
  await page.getByRole('list', { name: 'Cartelle' }).getByRole('button', { name: 'Posta in arrivo' }).click();
  await page.getByRole('checkbox', { name: `Seleziona ${subject}` }).check();
  await page.getByRole('radio', { name: 'La casella o il OneDrive di un’altra persona' }).check();
  await page.getByLabel(/^ID utente/).fill('non-un-id');
  await page.getByText('Un ID utente ha questa forma: 0a1b2c3d-0000-4000-8000-000000000000.').waitFor();
  await expect(page.getByRole('button', { name: 'Ripristina…' }).isDisabled()).resolves.toBe(true);
  await session.capture('restore-it');
}, 60_000);

const notForRole =
  'Restoring and exporting accounts’ data, and approving restores, is for tenant administrators and restore operators';

// The customer guide's FAQ: an invited operator creates and runs jobs but does not restore as an administrator.
test.each([
  ['a viewer', 'viewer', 0],
  ['an operator', 'operator', 1],
] as const)(
  '%s sees the list of restores and why it cannot restore, but neither Restore nor Approvals',
  async (_, role, index) => {
    const person = session.server.sim.control
      .listUsers()
      .filter(
        (user) =>
          user.id !== owner.id &&
          user.id !== selfServiceUser.id &&
          user.userPrincipalName !== session.admin.userPrincipalName,
      )[index];
    if (!person) throw new Error('the demo tenant needs two more people');
    await session.api('/portal-users', {
      method: 'POST',
      body: { name: person.displayName, email: person.userPrincipalName, role },
    });
    // The language chosen last is remembered by the browser: this tab opens in English again.
    if (index === 0) await page.getByLabel('Lingua', { exact: true }).selectOption('en');
    const rolePage = await page.context().newPage();
    try {
      await rolePage.goto(`${session.server.url}/tab/`);
      await devSignIn(rolePage, person.userPrincipalName, { person: 'Person of the demo tenant', button: 'Sign in' });
      await rolePage.getByLabel('I have read and accept the licence terms').check();
      await rolePage.getByRole('button', { name: 'Accept and continue' }).click();
      await navItem(rolePage, 'Restores').click();
      await rolePage.getByRole('row').filter({ hasText: 'Completed' }).first().waitFor();
      await rolePage.getByText(notForRole).waitFor();
      await expect(navItem(rolePage, 'Restore').count()).resolves.toBe(0);
      await expect(navItem(rolePage, 'Approvals').count()).resolves.toBe(0);
      // A restore opens with its progress and the same explanation, not a list of items that fails.
      await rolePage.getByRole('row').filter({ hasText: 'Completed' }).first().getByRole('button').click();
      await rolePage.getByRole('heading', { name: 'Restore', level: 1 }).waitFor();
      await rolePage.getByText(notForRole).waitFor();
      await expect(rolePage.getByRole('heading', { name: 'Each item' }).count()).resolves.toBe(0);
      await expect(rolePage.getByRole('alert').count()).resolves.toBe(0);
      // Deleting backups is for administrators: the Items page offers no button the API would refuse.
      await navItem(rolePage, 'Items').click();
      await rolePage.getByRole('row').filter({ hasText: owner.userPrincipalName }).first().waitFor();
      await expect(rolePage.getByRole('button', { name: 'Delete backup' }).count()).resolves.toBe(0);
    } finally {
      await rolePage.close();
    }
  },
  60_000,
);
