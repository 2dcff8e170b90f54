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
  name: string;
  scope: { type: string; groupIds?: string[]; groupProfiles?: Record<string, string> };
}

/**
 * The guide's "select the group, then associate the profile": one job, Vendite under Gold and Amministrazione under
 * Bronze, chosen in the job form and read back in its summary and in the job list, each group by name with its profile.
 */
const jobName = 'Vendite e amministrazione';

let session: PortalSession;
let page: Page;

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  ({ page } = session);
  await buyLicence(session, [
    demoGold,
    { profile: 'Bronze', retentionYears: 1, workloads: ['exchange'], seats: 10 },
    { profile: 'Bronze', retentionYears: 3, workloads: ['exchange'], seats: 10 },
  ]);
  await signInAdminWithJobsAside(session, '50');
}, 90_000);

afterAll(async () => {
  await session?.close();
});

test('a job with a Gold group and a Bronze group is created through the form and listed with each group’s profile', async () => {
  const [sales, administration] = await Promise.all([
    directoryGroup(session.server.sim, 'Vendite'),
    directoryGroup(session.server.sim, 'Amministrazione'),
  ]);
  await page.getByRole('button', { name: 'Create backup job' }).click();
  const form = page.getByRole('form', { name: 'Create backup job' });
  await form.getByLabel(/^Job/).fill(jobName);
  await form.getByRole('radio', { name: 'Only some Microsoft 365 groups' }).check();
  const search = form.getByLabel('Find a group by name or address');
  for (const name of ['Vendite', 'Amministrazione']) {
    await search.fill(name);
    await form.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
  }
  for (const other of ['OneDrive', 'SharePoint', 'Teams']) await form.getByRole('checkbox', { name: other }).uncheck();
  await form.getByLabel(/^Daily at/).fill(dailyTimeIn(11, '50'));
  await form.getByRole('radio', { name: /^1 year/ }).check();

  // Each group has the job's profile until it is given its own, among those bought at 1 year with seats left.
  const salesProfile = form.getByRole('combobox', { name: 'Vendite' });
  const administrationProfile = form.getByRole('combobox', { name: 'Amministrazione' });
  await administrationProfile.locator('option', { hasText: 'Bronze' }).waitFor({ state: 'attached' });
  await expect(administrationProfile.locator('option').allTextContents()).resolves.toEqual([
    expect.stringMatching(/^Gold \(\d+ of 30 seats left\)$/),
    'Bronze (10 of 10 seats left)',
  ]);
  await expect(salesProfile.inputValue()).resolves.toBe('Gold');
  await administrationProfile.selectOption('Bronze');
  await session.capture('job-group-profiles-en');

  await form.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('dl.facts');
  await summary.getByText('Microsoft 365 groups (2): Vendite (Gold), Amministrazione (Bronze)').waitFor();
  await expect(summary.textContent()).resolves.toContain('ProfileGold, Bronze');
  await page.getByRole('button', { name: 'Add backup job' }).click();
  await page.getByText(`The backup job “${jobName}” was added`).waitFor();

  const row = page.getByRole('row').filter({ hasText: jobName });
  await row.getByText('Microsoft 365 groups (2): Vendite (Gold), Amministrazione (Bronze)').waitFor();
  await row.getByRole('cell', { name: 'Gold, Bronze', exact: true }).waitFor();
  const jobs = await session.api<{ items: ApiJob[] }>('/jobs');
  expect(jobs.items.find((job) => job.name === jobName)).toMatchObject({
    scope: {
      type: 'groups',
      groupIds: [sales.id, administration.id],
      groupProfiles: { [sales.id]: 'Gold', [administration.id]: 'Bronze' },
    },
  });
});
