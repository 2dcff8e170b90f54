import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; a fresh profile per run. */
export async function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'custodia-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
}

/** axe-core's source, run in the page by evaluation: a script tag would be inline script, which the CSP refuses. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What the page's Content-Security-Policy refused, as Chromium reports it in the console ("Refused to load…",
 * "…violates the following Content Security Policy directive…"): a policy that breaks the tab fails its tests.
 */
export function recordPolicyViolations(page: Page): readonly string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('Refused to') || text.includes('Content Security Policy')) refused.push(text);
  });
  return refused;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (WCAG 2 A/AA) and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    // Fluent UI's focus manager (tabster) brackets tab lists and dialogs with aria-hidden <i tabindex=0>
    // sentinels that hand focus on at once; they are not content, so axe judges everything else.
    const result = await axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
