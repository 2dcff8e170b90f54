import type { Page } from 'playwright-core';
import { directoryGroup } from './support/directory.js';
import { buyLicence, demoGold } from './support/licence.js';
import {
  dailyTimeIn,
  openPortalSession,
  signInAdminWithJobsAside,
  type PortalSession,
} from './support/portal-session.js';

interface ApiJob {
  id: string;
  name: string;
  scope: { type: string };
  workloads: string[];
  dailyTime: string;
  retentionYears: number;
  profile: string;
}
interface ApiRun {
  id: string;
  jobId: string;
  status: string;
  resources: Array<{ displayName: string; kind: string; status: string; items: number }>;
}
interface ApiItem {
  id: string;
  displayName: string;
  kind: string;
  protected: boolean;
  jobs: Array<{ name: string }>;
}
interface ApiLicence {
  plans: Array<{ profile: string; retentionYears: number; seats: number; used: number }>;
  storage: { usedBytes: number; byTier: Array<{ retentionYears: number | null; bytes: number }> };
  overrun: boolean;
  remedies: Array<{ it: string; en: string }>;
}
interface Listed<T> {
  items: T[];
}

/** The mail of the administration group only, so that the run backs up its members' mailboxes and nothing else. */
const jobName = 'Posta amministrazione';
const groupName = 'Amministrazione';
/** The longest the first backup of those mailboxes may take on a loaded machine. */
const runTimeoutMs = 90_000;

/** A daily time about `hours` from now: the schedule must not start a second run while the test runs. */
const createdTime = dailyTimeIn(11, '30');
const editedTime = dailyTimeIn(12, '15');

let session: PortalSession;
let page: Page;
let admin: PortalSession['admin'];
let createdJob: ApiJob;
let group: { id: string; memberIds: string[] };

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  ({ page, admin } = session);
  group = await directoryGroup(session.server.sim, groupName);
  await signInAdminWithJobsAside(session, '45');
  await page.getByRole('button', { name: 'Update job list' }).click();
}, 90_000);

afterAll(async () => {
  await session?.close();
});

const jobRow = () => page.getByRole('row').filter({ hasText: jobName });
const jobColumns = [
  'name',
  'scope',
  'workloads',
  'retention',
  'profile',
  'status',
  'schedule',
  'lastRun',
  'nextRun',
] as const;
const jobCell = (column: (typeof jobColumns)[number]) => jobRow().getByRole('cell').nth(jobColumns.indexOf(column));
/** A time of a job in Europe/Rome as the portal writes it in English, its zone named (CET in winter, CEST in summer). */
const romeTime = /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} CES?T$/;

test('the job form offers only the profiles and tiers bought, with the seats left, and refuses an unknown group with the API’s reason', async () => {
  await buyLicence(session, [
    demoGold,
    { profile: 'Bronze', retentionYears: 3, workloads: ['exchange'], seats: 1 },
    { profile: 'Bronze', retentionYears: 5, workloads: ['exchange'], seats: 4 },
  ]);
  await page.getByRole('button', { name: 'Create backup job' }).click();
  const form = page.getByRole('form', { name: 'Create backup job' });
  await form.getByLabel(/^Job/).fill(jobName);
  const profile = form.getByLabel('Profile');
  await profile.locator('option', { hasText: 'Bronze' }).waitFor({ state: 'attached' });
  await expect(profile.locator('option').allTextContents()).resolves.toEqual(['Gold', 'Bronze']);
  const tiers = form.getByRole('radiogroup', { name: 'Retention' }).getByRole('radio');
  const tierNames = () => tiers.evaluateAll((radios) => radios.map((radio) => radio.labels?.[0]?.textContent));
  await expect(tierNames()).resolves.toEqual([expect.stringMatching(/^1 year \(\d+ of 30 seats left\)$/)]);
  await profile.selectOption('Bronze');
  await form.getByRole('radio', { name: /^5 years/ }).waitFor();
  await expect(tierNames()).resolves.toEqual(['3 years (1 of 1 seats left)', '5 years (4 of 4 seats left)']);
  // The tier chosen before (1 year) is not Bronze's: the form moves to the first one Bronze has.
  await expect(form.getByRole('radio', { name: /^3 years/ }).isChecked()).resolves.toBe(true);
  await profile.selectOption('Gold');
  await form.getByRole('radio', { name: 'Only some Microsoft 365 groups' }).check();
  await form.getByLabel(/^Microsoft 365 group IDs/).fill('6b1f0c1e-0000-4000-8000-000000000000');
  await form.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check the backup job' }).waitFor();
  await page.getByRole('button', { name: 'Add backup job' }).click();
  const groupRefusal = page.getByRole('alert');
  await groupRefusal.waitFor();
  expect(await groupRefusal.textContent()).toContain('6b1f0c1e-0000-4000-8000-000000000000');

  const jobs = await session.api<Listed<ApiJob>>('/jobs');
  expect(jobs.items.map((job) => job.name)).not.toContain(jobName);
});

test('a job created through the form, after its summary is confirmed, is saved as chosen and listed', async () => {
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  const form = page.getByRole('form', { name: 'Create backup job' });
  await form.getByRole('radio', { name: 'Only some Microsoft 365 groups' }).check();
  // The group is ticked by its name in the directory's list; its id lands in the list of ids.
  const ids = form.getByLabel(/^Microsoft 365 group IDs/);
  await ids.fill('');
  await form.getByLabel('Find a group by name or address').fill(groupName.slice(0, 6));
  await form.getByRole('checkbox', { name: new RegExp(`^${groupName}`) }).check();
  await expect(ids.inputValue()).resolves.toBe(group.id);
  await form.getByLabel('Profile').selectOption('Gold');
  for (const other of ['OneDrive', 'SharePoint', 'Teams']) await form.getByRole('checkbox', { name: other }).uncheck();
  await form.getByLabel(/^Daily at/).fill(createdTime);
  await form.getByRole('radio', { name: /^1 year \(/ }).check();
  await session.capture('job-form-en');
  await form.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('dl.facts');
  await summary.getByText(`Microsoft 365 groups (1): ${groupName}`).waitFor();
  await expect(summary.textContent()).resolves.toMatch(
    new RegExp(`Microsoft 365 groups \\(1\\): ${groupName}.*Exchange.*${createdTime}.*Gold`),
  );
  await session.capture('job-confirm-en');
  await page.getByRole('button', { name: 'Add backup job' }).click();
  await page.getByText(`The backup job “${jobName}” was added`).waitFor();
  await jobRow().getByText('Stopped', { exact: true }).waitFor();
  // The list says what the job covers: its groups by name, services, retention and profile.
  await jobCell('scope').getByText(`Microsoft 365 groups (1): ${groupName}`).waitFor();
  await expect(
    Promise.all((['workloads', 'retention', 'profile'] as const).map((column) => jobCell(column).textContent())),
  ).resolves.toEqual(['Exchange', '1 year', 'Gold']);
  const jobs = await session.api<Listed<ApiJob>>('/jobs');
  const job = jobs.items.find((candidate) => candidate.name === jobName);
  expect(job).toMatchObject({
    scope: { type: 'groups', groupIds: [group.id] },
    workloads: ['exchange'],
    dailyTime: createdTime,
    retentionYears: 1,
    profile: 'Gold',
  });
  createdJob = job as ApiJob;
});

test('editing a job changes only what was edited', async () => {
  await jobRow().getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: `Edit the job “${jobName}”` });
  await form.getByLabel(/^Daily at/).fill(editedTime);
  await form.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText(`The changes to “${jobName}” were saved.`).waitFor();
  const job = await session.api<ApiJob>(`/jobs/${createdJob.id}`);
  expect(job).toMatchObject({ dailyTime: editedTime, workloads: ['exchange'], profile: 'Gold' });
  // The schedule reads in the job's zone, named; so does its next run, though the browser is elsewhere.
  await expect(page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).resolves.not.toBe('Europe/Rome');
  await jobRow()
    .getByRole('cell', { name: `${editedTime} (Europe/Rome)`, exact: true })
    .waitFor();
  await expect(jobCell('nextRun').textContent()).resolves.toMatch(romeTime);
});

test(
  '“Run this job” starts a run whose per-account outcome the job log shows once it finishes',
  async () => {
    await jobRow().getByRole('button', { name: 'Run this job' }).click();
    await page.getByText(`The job “${jobName}” has started.`).waitFor();
    // Queued or running, the job shows its progress bar, which the list keeps reading while the job runs.
    await jobRow()
      .getByRole('progressbar', { name: `Progress ${jobName}` })
      .waitFor();
    // The bar has its figure beside it: share of accounts done, items and bytes so far.
    await jobRow()
      .getByText(/^\d+ % · \d+ of \d+ accounts · [\d,]+ items, [\d.,]+ (B|KB|MB|GB)$/)
      .waitFor();
    await session.capture('overview-running-en');
    // One run reads the same on every page: its time in the job's zone, named.
    const lastRun = (await jobCell('lastRun').textContent()) ?? '';
    expect(lastRun).toMatch(romeTime);
    await session.openTab('Job log');
    await page.getByRole('combobox', { name: 'Job' }).selectOption({ label: jobName });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const runRow = page.getByRole('row').filter({ hasText: jobName });
    await expect(runRow.count()).resolves.toBeLessThanOrEqual(1);
    await runRow.getByRole('button', { name: lastRun, exact: true }).waitFor();
    await runRow.getByRole('button').click();
    await page.getByRole('heading', { name: `${jobName}, run of ${lastRun}` }).waitFor();
    // The detail reads the run again while it is unfinished: wait for the outcome it reaches.
    await page
      .getByText(/^(Backup completed successfully|Backup completed with warnings|Backup failed)/)
      .waitFor({ timeout: runTimeoutMs });
    const facts = page.locator('dl.facts').first().locator('dd');
    for (const started of [2, 3]) await expect(facts.nth(started).textContent()).resolves.toMatch(romeTime);
    const runs = await session.api<Listed<{ id: string }>>(`/runs?jobId=${createdJob.id}`);
    expect(runs.items).toHaveLength(1);
    const run = await session.api<ApiRun>(`/runs/${runs.items[0]?.id}`);
    expect(run.status).toMatch(/succeeded|warning/);
    expect(run.resources.length).toBe(group.memberIds.length);
    expect(run.resources.every((resource) => resource.kind === 'mailbox')).toBe(true);
    const adminRow = page.getByRole('row').filter({ hasText: admin.displayName });
    await adminRow.getByText('Backed up', { exact: true }).waitFor();
    const adminOutcome = run.resources.find((resource) => resource.displayName.includes(admin.displayName));
    expect(adminOutcome?.items).toBeGreaterThan(0);
    await session.capture('job-log-run-en');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await runRow.getByText(/Completed/).waitFor();
    await session.capture('job-log-en');
    // The filters reach the API: no failed run, none before yesterday, the run again once cleared.
    const filters = page.getByRole('form', { name: 'Filter the job log' });
    await filters.getByRole('combobox', { name: 'Status' }).selectOption('failed');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No run matches the filters').waitFor();
    await filters.getByRole('combobox', { name: 'Status' }).selectOption('');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await runRow.getByText(/Completed/).waitFor();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await filters.getByLabel('To').fill(yesterday);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No run matches the filters').waitFor();
    await filters.getByLabel('To').fill('');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await runRow.getByText(/Completed/).waitFor();
  },
  runTimeoutMs + 30_000,
);

test('the Overview shows the storage each retention tier holds', async () => {
  await session.openTab('Overview');
  const licence = await session.api<ApiLicence>('/licence');
  expect(licence.storage.usedBytes).toBeGreaterThan(0);
  expect(licence.storage.byTier).toEqual([{ retentionYears: 1, bytes: licence.storage.usedBytes }]);
  const table = page.getByRole('table', { name: 'Storage by retention' });
  await table.getByRole('row').filter({ hasText: '1 year' }).waitFor();
  await expect(table.getByRole('row').count()).resolves.toBe(2);
});

test('the items page lists the group’s mailboxes as protected by the job, and deletes one backup after typing its name', async () => {
  await session.openTab('Items');
  await page.getByRole('combobox', { name: 'Type' }).selectOption('mailbox');
  const adminRow = page.getByRole('row').filter({ hasText: admin.userPrincipalName });
  await adminRow.getByText('Protected', { exact: true }).waitFor();
  await adminRow.getByText(jobName).waitFor();
  const items = await session.api<Listed<ApiItem>>('/items?kind=mailbox&limit=200');
  expect(items.items).toHaveLength(group.memberIds.length);
  expect(items.items.every((item) => item.protected && item.jobs.some((job) => job.name === jobName))).toBe(true);
  await session.capture('items-en');

  // By person the list is sorted by e-mail; account by account the API sorts by name: the header says the order, and
  // a click reverses it.
  await expect(page.getByRole('columnheader', { name: /^Email/ }).getAttribute('aria-sort')).resolves.toBe('ascending');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('account');
  const accountHeader = page.getByRole('columnheader', { name: /^Account/ });
  await expect(accountHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
  const last = items.items.at(-1)?.displayName ?? '';
  await accountHeader.getByRole('button').click();
  await page.getByRole('row').nth(1).filter({ hasText: last }).waitFor();
  await expect(accountHeader.getAttribute('aria-sort')).resolves.toBe('descending');

  const victim = items.items.find((item) => !item.displayName.includes(admin.displayName));
  if (!victim) throw new Error('the demo tenant has a single mailbox');
  const victimRow = page.getByRole('row').filter({ hasText: victim.displayName });
  await victimRow.getByRole('button', { name: 'Delete backup' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText(/cannot be undone/).waitFor();
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  await expect(confirm.isDisabled()).resolves.toBe(true);
  await dialog.getByLabel('Type the account name to confirm').fill(victim.displayName);
  await confirm.click();
  await page.getByText(`The backup of “${victim.displayName}” was deleted.`).waitFor();
  const after = await session.api<Listed<ApiItem>>('/items?kind=mailbox&limit=200');
  expect(after.items.map((item) => item.id)).not.toContain(victim.id);
});

test('the licence page shows seats bought and used, and the overrun warning with its remedies', async () => {
  await session.openTab('Licence status');
  const licence = await session.api<ApiLicence>('/licence');
  const gold = licence.plans.find((plan) => plan.profile === 'Gold' && plan.retentionYears === 1);
  expect(gold?.used).toBeGreaterThan(0);
  const goldRow = page.getByRole('row').filter({ hasText: 'Gold' });
  await goldRow.getByRole('cell', { name: String(gold?.seats), exact: true }).waitFor();
  await goldRow.getByRole('cell', { name: String(gold?.used), exact: true }).waitFor();
  await expect(page.getByText('Your licences are exceeded').count()).resolves.toBe(0);
  await session.capture('licence-en');

  // The provider sells fewer seats than the jobs now protect.
  await buyLicence(session, [{ ...demoGold, seats: 2 }]);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Your licences are exceeded' });
  await warning.waitFor();
  const remedies = (await session.api<ApiLicence>('/licence')).remedies;
  expect(remedies.length).toBeGreaterThan(0);
  for (const remedy of remedies) await warning.getByText(remedy.en).waitFor();
  await goldRow.getByText(/over the licence/).waitFor();
  await session.capture('licence-overrun-en');
});

test('a list longer than the API’s page shows “Load more”, which appends the next page', async () => {
  const pageSize = 50;
  const addresses = Array.from({ length: pageSize + 3 }, (_, n) => `servizio${String(n).padStart(2, '0')}@example.it`);
  for (const email of addresses) {
    await session.api('/notification-recipients', {
      method: 'POST',
      body: { name: 'Servizio IT', email, events: ['job.failed'] },
    });
  }
  await session.openTab('Portal users');
  const table = page.getByRole('table', { name: 'Notification recipients' });
  await table.getByRole('cell', { name: addresses[pageSize - 1] }).waitFor();
  await expect(table.getByRole('cell', { name: addresses[pageSize] }).count()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Load more' }).click();
  await table.getByRole('cell', { name: addresses.at(-1) }).waitFor();
  await expect(table.getByRole('row').count()).resolves.toBe(addresses.length + 1);
  await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
});

test('after the language switch every new page reads in Italian, and passes axe', async () => {
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await session.openTab('Overview');
  await page.getByRole('button', { name: 'Crea job di backup' }).click();
  await page.getByRole('radio', { name: 'Tutta l’organizzazione' }).waitFor();
  await page.getByRole('radio', { name: /^1 anno \(\d+ licenze libere su 2\)$/ }).waitFor();
  await session.capture('job-form-it');
  await page.getByRole('button', { name: 'Annulla' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hai superato le licenze disponibili' }).waitFor();
  await jobRow().getByText('Completato', { exact: true }).waitFor();
  await session.capture('overview-jobs-it');

  await session.openTab('Elementi');
  await page.getByRole('heading', { name: 'Elementi protetti' }).waitFor();
  await page.getByRole('cell', { name: 'Protetto', exact: true }).first().waitFor();
  await session.capture('items-it');

  await session.openTab('Stato della licenza');
  const warning = page.getByRole('alert').filter({ hasText: 'Hai superato le licenze disponibili' });
  await warning.getByText(/modifica il job scegliendo i gruppi Microsoft/).waitFor();
  await session.capture('licence-it');

  await session.openTab('Log dei job');
  const runRow = page.getByRole('row').filter({ hasText: jobName });
  await runRow.getByText(/Completata/).waitFor();
  await session.capture('job-log-it');
  await runRow.getByRole('button').click();
  await page.getByText(/^Backup completato/).waitFor();
  await page.getByRole('row').filter({ hasText: admin.displayName }).getByText('Salvato', { exact: true }).waitFor();
  await session.capture('job-log-run-it');
  await expect(page.getByText('Backed up', { exact: true }).count()).resolves.toBe(0);
});
