import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, recordPolicyViolations, seriousViolations } from './browser.js';
import { startPortalServer, tabDist, type PortalServer, type PortalServerOptions } from './portal-server.js';

const screenshots = fileURLToPath(new URL('../../screenshots/', import.meta.url));

/** One test file's portal: the real product, Chromium on it, and the demo tenant's first user (its admin). */
export interface PortalSession {
  readonly server: PortalServer;
  readonly page: Page;
  readonly admin: { displayName: string; userPrincipalName: string };
  /**
   * A screenshot for the README, axe-core's verdict on the same page (no serious or critical violation), and the
   * Content-Security-Policy's (nothing the page loaded so far was refused).
   */
  capture(name: string): Promise<void>;
  /** Opens a section of the portal's navigation by its label. */
  openTab(label: string): Promise<void>;
  /** Calls the API with the token the portal signed in with, as the portal would. */
  api<T>(path: string, init?: { method: string; body?: unknown }): Promise<T>;
  close(): Promise<void>;
}

export async function openPortalSession(options: PortalServerOptions): Promise<PortalSession> {
  if (!existsSync(`${tabDist}index.html`)) throw new Error('tab/dist is missing: run `npm run build -w tab` first');
  mkdirSync(screenshots, { recursive: true });
  const server = await startPortalServer(options);
  let browser: BrowserContext | undefined;
  try {
    const [admin] = server.sim.control.listUsers();
    if (!admin) throw new Error('the demo tenant has no users');
    browser = await launchChromium();
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const refusedByPolicy = recordPolicyViolations(page);
    const opened = browser;
    return {
      server,
      page,
      admin,
      async capture(name) {
        // Fluent's buttons fade between colours: judge contrast once the pointer has left and transitions ended.
        await page.mouse.move(0, 0);
        await page.evaluate(() =>
          Promise.all(
            document
              .getAnimations()
              .filter((animation) => 'transitionProperty' in animation)
              .map((animation) => animation.finished.catch(() => undefined)),
          ),
        );
        await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
        expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
        expect({ page: name, refusedByPolicy }).toEqual({ page: name, refusedByPolicy: [] });
      },
      async openTab(label) {
        await navItem(page, label).click();
      },
      async api<T>(path: string, init?: { method: string; body?: unknown }) {
        const token = await page.evaluate(() => sessionStorage.getItem('custodia.devToken'));
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (init?.body !== undefined) headers['content-type'] = 'application/json';
        const response = await fetch(`${server.url}/api/v1${path}`, {
          method: init?.method ?? 'GET',
          headers,
          ...(init?.body !== undefined && { body: JSON.stringify(init.body) }),
        });
        return (await response.json()) as T;
      },
      async close() {
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/** A section's entry in the portal's navigation (a button that says `aria-current="page"` when open). */
export function navItem(page: Page, label: string): Locator {
  return page.getByRole('navigation').getByRole('button', { name: label, exact: true });
}

/** The development sign-in, as a person outside Teams does it: pick the person, press the button. */
export async function devSignIn(page: Page, userPrincipalName: string, labels: { person: string; button: string }) {
  await page.getByRole('combobox', { name: labels.person }).click();
  await page.getByRole('option', { name: new RegExp(userPrincipalName) }).click();
  // Exactly: "Sign in with Microsoft" / "Accedi con Microsoft" stands beside it.
  await page.getByRole('button', { name: labels.button, exact: true }).click();
}

/** A daily time `hours` from now at `minutes` past the hour: far enough that no schedule starts a run during a test. */
export function dailyTimeIn(hours: number, minutes: string): string {
  return `${String((new Date().getUTCHours() + hours) % 24).padStart(2, '0')}:${minutes}`;
}

/**
 * The demo admin signs in through the development sign-in and accepts the licence terms; the demo's seeded jobs (its
 * nightly job covers the whole organisation) are moved twelve hours away so none of them runs during the test.
 */
export async function signInAdminWithJobsAside(session: PortalSession, minutes: string): Promise<void> {
  const { page } = session;
  await page.goto(`${session.server.url}/tab/`);
  await devSignIn(page, session.admin.userPrincipalName, { person: 'Person of the demo tenant', button: 'Sign in' });
  await page.getByLabel('I have read and accept the licence terms').check();
  await page.getByRole('button', { name: 'Accept and continue' }).click();
  await page.getByRole('heading', { name: 'Backup jobs' }).waitFor();
  for (const job of (await session.api<{ items: { id: string }[] }>('/jobs')).items) {
    await session.api(`/jobs/${job.id}`, { method: 'PATCH', body: { dailyTime: dailyTimeIn(12, minutes) } });
  }
}

/** Waits until the job's latest run ends with or without warnings; a failed run fails the test. */
export async function waitForJobRun(session: PortalSession, jobId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const runs = await session.api<{ items: { status: string }[] }>(`/runs?jobId=${jobId}`);
    const status = runs.items[0]?.status;
    if (status === 'failed') throw new Error('the backup run failed');
    if (status === 'succeeded' || status === 'warning') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the backup run did not end within ${timeoutMs / 1000} s`);
}

/**
 * A Gold job of one group's services for a year, created through the API as the job form sends it (its daily time
 * `minutes` past the hour eleven hours away), then run once to its end; answers the job's id.
 */
export async function backUpGroup(
  session: PortalSession,
  job: { name: string; groupId: string; workloads: string[]; minutes: string },
  timeoutMs: number,
): Promise<string> {
  const created = await session.api<{ id: string }>('/jobs', {
    method: 'POST',
    body: {
      name: job.name,
      scope: { type: 'groups', groupIds: [job.groupId] },
      workloads: job.workloads,
      dailyTime: dailyTimeIn(11, job.minutes),
      retentionYears: 1,
      profile: 'Gold',
      confirm: true,
    },
  });
  await session.api(`/jobs/${created.id}/runs`, { method: 'POST' });
  await waitForJobRun(session, created.id, timeoutMs);
  return created.id;
}

/** A table's body lines as their cells' texts; a heading line (a person's, "Teams and sites") has a single cell. */
export async function tableLines(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr[data-line]')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}
