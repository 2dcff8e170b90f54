import type { Page } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { navItem, openPortalSession, signInAdminWithJobsAside, type PortalSession } from './support/portal-session.js';

let session: PortalSession;
let page: Page;

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  page = session.page;
  await signInAdminWithJobsAside(session, '25');
}, 120_000);

afterAll(async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await session?.close();
});

/** The navigation's group headings, each with the labels of its sections, in the order shown. */
async function groupsShown(): Promise<Array<{ group: string; sections: string[] }>> {
  return page.getByRole('navigation').evaluate((nav) => {
    const groups: Array<{ group: string; sections: string[] }> = [];
    for (const element of nav.querySelectorAll('h3, button[aria-current]')) {
      if (element.tagName === 'H3') groups.push({ group: element.textContent ?? '', sections: [] });
      else groups.at(-1)?.sections.push(element.textContent ?? '');
    }
    return groups;
  });
}

/** The menu slides in: the screenshot waits until it stands still. */
async function menuOpened(label: string): Promise<void> {
  await navItem(page, label).waitFor();
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
}

const heading = (name: string) => page.getByRole('heading', { name, level: 1, exact: true });

test('the sections are grouped as an administrator works, and the open one is marked', async () => {
  expect(await groupsShown()).toEqual([
    { group: 'Protection', sections: ['Overview', 'Items'] },
    { group: 'Recovery', sections: ['Restore', 'Restores', 'Approvals'] },
    { group: 'Monitoring', sections: ['Job log', 'Reports', 'Licence status', 'Activity log'] },
    { group: 'Administration', sections: ['Portal users', 'Settings'] },
    { group: 'Help', sections: ['Knowledge base', 'Support'] },
  ]);
  await expect(navItem(page, 'Overview').getAttribute('aria-current')).resolves.toBe('page');
  await session.openTab('Licence status');
  await heading('Licence status').waitFor();
  await expect(navItem(page, 'Licence status').getAttribute('aria-current')).resolves.toBe('page');
  await expect(navItem(page, 'Overview').getAttribute('aria-current')).resolves.toBe('false');
  await session.capture('navigation-en');
});

test('the navigation works from the keyboard alone: arrows move between sections, Enter or Space opens one', async () => {
  await navItem(page, 'Job log').focus();
  await page.keyboard.press('ArrowDown');
  await expect(navItem(page, 'Reports').evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await heading('Reports').waitFor();
  await navItem(page, 'Reports').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await heading('Licence status').waitFor();
  await expect(navItem(page, 'Licence status').getAttribute('aria-current')).resolves.toBe('page');
});

test('at 768 px the navigation stays beside the page and leaves it most of the width', async () => {
  await page.setViewportSize({ width: 768, height: 900 });
  await session.openTab('Items');
  await heading('Protected items').waitFor();
  const nav = await page.getByRole('navigation').boundingBox();
  const title = await heading('Protected items').boundingBox();
  expect(nav!.width).toBeLessThanOrEqual(230);
  expect(title!.x).toBeGreaterThanOrEqual(nav!.x + nav!.width);
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(768);
  await session.capture('navigation-768-en');
});

test('at 320 px the navigation folds behind a menu button that opens it over the page and closes on a choice', async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByRole('navigation').waitFor({ state: 'detached' });
  const menu = page.getByRole('button', { name: 'Open the portal menu' });
  await menu.click();
  await menuOpened('Support');
  expect((await page.getByRole('navigation').boundingBox())!.width).toBeLessThanOrEqual(320);
  await session.capture('navigation-320-en');
  await navItem(page, 'Support').click();
  await heading('Support tickets').waitFor();
  await page.getByRole('navigation').waitFor({ state: 'detached' });
  // The bar says where the person is; Escape closes an opened menu without changing the page.
  await menu.click();
  await navItem(page, 'Knowledge base').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').waitFor({ state: 'detached' });
  await heading('Support tickets').waitFor();
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
});

test('in Italian, and in the dark and high-contrast themes', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel('Language', { exact: true }).selectOption('it');
  expect((await groupsShown()).map((group) => group.group)).toEqual([
    'Protezione',
    'Recupero dati',
    'Monitoraggio',
    'Amministrazione',
    'Aiuto',
  ]);
  await session.openTab('Elementi');
  await heading('Elementi protetti').waitFor();
  await session.capture('navigation-it');
  for (const theme of ['dark', 'contrast'] as const) {
    await page.goto(`${session.server.url}/tab/?theme=${theme}`);
    await navItem(page, 'Stato della licenza').click();
    await heading('Stato della licenza').waitFor();
    await session.capture(`navigation-${theme}-it`);
  }
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByRole('button', { name: 'Apri il menu del portale' }).click();
  await menuOpened('Support');
  await session.capture('navigation-320-contrast-it');
  await page.keyboard.press('Escape');
  await page.getByLabel('Lingua', { exact: true }).selectOption('en');
});

test('every section at Teams’ narrow widths, dark at 600 px and high contrast at 320 px, keeps the tab’s width', async () => {
  const sections = (await groupsShown()).flatMap((group) => group.sections);
  expect(sections).toHaveLength(13);
  const problems: Array<{ section: string; width: number; scrollWidth?: number; violations?: unknown[] }> = [];
  for (const [width, theme] of [
    [600, 'dark'],
    [320, 'contrast'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${session.server.url}/tab/?theme=${theme}`);
    const menu = page.getByRole('button', { name: 'Open the portal menu' });
    for (const section of sections) {
      await menu.click();
      await navItem(page, section).click();
      await page.getByRole('navigation').waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');
      // The menu is a modal dialog: the page is hidden from assistive technology until its closing animation ends.
      await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('aria-hidden'));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) problems.push({ section, width, scrollWidth });
      const violations = await seriousViolations(page);
      if (violations.length > 0) problems.push({ section, width, violations });
    }
  }
  expect(problems).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${session.server.url}/tab/`);
}, 240_000);
