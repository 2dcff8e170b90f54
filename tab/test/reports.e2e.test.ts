import type { Page } from 'playwright-core';
import { formatBytes } from '../src/components/format.js';
import { directoryGroup } from './support/directory.js';
import {
  dailyTimeIn,
  openPortalSession,
  signInAdminWithJobsAside,
  waitForJobRun,
  type PortalSession,
} from './support/portal-session.js';

interface UsageReport {
  points: Array<{ day: string; storedBytes: number; runs: { succeeded: number } }>;
}
interface CoverageReport {
  kinds: Array<{ kind: 'user' | 'team'; protected: number; unprotected: number }>;
  unprotected: Array<{ kind: string; displayName: string; email: string | null }>;
}

const groupName = 'Amministrazione';
const runTimeoutMs = 90_000;

let session: PortalSession;
let page: Page;

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  page = session.page;
  const group = await directoryGroup(session.server.sim, groupName);
  await signInAdminWithJobsAside(session, '20');
  const job = await session.api<{ id: string }>('/jobs', {
    method: 'POST',
    body: {
      name: 'Amministrazione: posta',
      scope: { type: 'groups', groupIds: [group.id] },
      workloads: ['exchange'],
      dailyTime: dailyTimeIn(11, '20'),
      retentionYears: 1,
      profile: 'Gold',
      confirm: true,
    },
  });
  await session.api(`/jobs/${job.id}/runs`, { method: 'POST' });
  await waitForJobRun(session, job.id, runTimeoutMs);
  // The product takes the day's usage point when a run ends: wait until it shows the run.
  const today = new Date().toISOString().slice(0, 10);
  for (let attempt = 0; attempt < 200; attempt++) {
    const usage = await session.api<UsageReport>('/reports/usage');
    if (usage.points.some((point) => point.day === today && point.runs.succeeded > 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 150_000);

afterAll(async () => {
  await session?.close();
});

test('the Reports page shows today’s stored bytes as the API reports them, and the coverage with an unprotected account', async () => {
  const usage = await session.api<UsageReport>('/reports/usage');
  const today = new Date().toISOString().slice(0, 10);
  const point = usage.points.find((candidate) => candidate.day === today);
  expect(point?.runs.succeeded).toBeGreaterThanOrEqual(1);
  expect(point!.storedBytes).toBeGreaterThan(0);
  const coverage = await session.api<CoverageReport>('/reports/coverage');

  await session.openTab('Reports');
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  await page.getByRole('img', { name: 'Storage used over time' }).waitFor();
  const storageTable = page.getByRole('table', { name: 'Storage used over time' });
  const todayLabel = new Date(`${today}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  await storageTable
    .getByRole('row')
    .filter({ hasText: todayLabel })
    .getByText(formatBytes(point!.storedBytes, 'en'))
    .waitFor();
  await page.getByRole('img', { name: 'Seats of Gold, 1 year over time' }).waitFor();

  const kinds = page.getByRole('table', { name: 'Protection coverage' });
  for (const kind of coverage.kinds) {
    const label = kind.kind === 'user' ? 'People' : 'Teams';
    const row = kinds.getByRole('row').filter({ hasText: label });
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe(String(kind.protected));
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe(String(kind.unprotected));
  }
  const people = coverage.kinds.find((kind) => kind.kind === 'user');
  expect(people?.protected).toBeGreaterThan(0);
  expect(people?.unprotected).toBeGreaterThan(0);
  const unprotectedPerson = coverage.unprotected.find((account) => account.kind === 'user');
  await page
    .getByRole('table', { name: 'Accounts no job protects' })
    .getByRole('row')
    .filter({ hasText: unprotectedPerson!.displayName })
    .waitFor();
  await session.capture('reports-en');

  await page.getByLabel('Language', { exact: true }).selectOption('it');
  await page.getByRole('heading', { name: 'Report', level: 1 }).waitFor();
  await page.getByRole('img', { name: 'Spazio usato nel tempo' }).waitFor();
  await page.getByRole('table', { name: 'Account che nessun job protegge' }).waitFor();
  await session.capture('reports-it');
  await page.getByLabel('Lingua', { exact: true }).selectOption('en');
});
