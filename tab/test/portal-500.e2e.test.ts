import type { Page } from 'playwright-core';
import { navItem, openPortalSession, signInAdminWithJobsAside, waitForJobRun } from './support/portal-session.js';
import type { PortalSession } from './support/portal-session.js';

// The portal at a real customer's size, as `DEMO_MORE_PEOPLE=500 npm start` shows it: the demo tenant with 500
// generated people (525 in all, each with a mailbox and a OneDrive), backed up for real by its nightly job over the
// simulator, then every section walked in English in the light theme and in Italian in the dark one. Each section
// keeps the page's width (no sideways scroll), passes axe (no serious or critical violation) and the
// Content-Security-Policy, and leaves a screenshot for the README: `portal-500-<n>-en.png` and
// `portal-500-<n>-it-dark.png`, n the section's place in the menu.
const people = 500;
const backupGuardMs = 20 * 60_000;
const width = 1366;

let session: PortalSession;
let page: Page;

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false, environment: { DEMO_MORE_PEOPLE: String(people) } });
  page = session.page;
  await signInAdminWithJobsAside(session, '35');
  const [nightly] = (await session.api<{ items: { id: string }[] }>('/jobs')).items;
  await session.api(`/jobs/${nightly!.id}/runs`, { method: 'POST' });
  await waitForJobRun(session, nightly!.id, backupGuardMs);
}, backupGuardMs + 120_000);

afterAll(() => session?.close());

/** The sections' labels in the menu, in its order, once the menu is there. */
async function menuLabels(): Promise<string[]> {
  const buttons = page.getByRole('navigation').locator('button[aria-current]');
  await buttons.first().waitFor();
  return buttons.evaluateAll((each) => each.map((button) => button.textContent ?? ''));
}

/** The page's first-level heading, once it is another than `before` and nothing on the page is loading any more. */
async function settledTitle(before: string): Promise<string> {
  await page.waitForFunction(
    (previous) => {
      const title = document.querySelector('main h1')?.textContent ?? '';
      return title !== '' && title !== previous && document.querySelectorAll('.fui-Spinner').length === 0;
    },
    before,
    { timeout: 60_000 },
  );
  return page.locator('main h1').first().innerText();
}

/** Opens every section through the menu; answers those whose page scrolls sideways. */
async function walk(shot: (place: number) => string): Promise<Array<{ section: string; scrollWidth: number }>> {
  const labels = await menuLabels();
  expect(labels).toHaveLength(13);
  const wider: Array<{ section: string; scrollWidth: number }> = [];
  let title = '';
  for (const [place, label] of labels.entries()) {
    await navItem(page, label).click();
    title = await settledTitle(title);
    await session.capture(shot(place + 1));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) wider.push({ section: label, scrollWidth });
  }
  return wider;
}

test(`every section at ${people + 25} people, in English in the light theme`, async () => {
  await page.setViewportSize({ width, height: 900 });
  expect(await walk((place) => `portal-500-${String(place).padStart(2, '0')}-en`)).toEqual([]);
}, 300_000);

test(`every section at ${people + 25} people, in Italian in the dark theme`, async () => {
  await page.goto(`${session.server.url}/tab/?theme=dark`);
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  expect(await walk((place) => `portal-500-${String(place).padStart(2, '0')}-it-dark`)).toEqual([]);
  await page.getByLabel('Lingua', { exact: true }).selectOption('en');
}, 300_000);
