import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, seriousViolations } from './browser.js';
import { startPortalServer, tabDist, type PortalServer, type PortalServerOptions } from './portal-server.js';

const screenshots = fileURLToPath(new URL('../../screenshots/', import.meta.url));

/** One test file's portal: the real product, Chromium on it, and the demo tenant's first user (its admin). */
export interface PortalSession {
  readonly server: PortalServer;
  readonly page: Page;
  readonly admin: { displayName: string; userPrincipalName: string };
  /** A screenshot for the README, and axe-core's verdict on the same page (no serious or critical violation). */
  capture(name: string): Promise<void>;
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
      },
      async openTab(label) {
        await page.getByRole('tab', { name: label }).click();
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

/** The development sign-in, as a person outside Teams does it: pick the person, press the button. */
export async function devSignIn(page: Page, userPrincipalName: string, labels: { person: string; button: string }) {
  await page.getByRole('combobox', { name: labels.person }).click();
  await page.getByRole('option', { name: new RegExp(userPrincipalName) }).click();
  await page.getByRole('button', { name: labels.button }).click();
}
