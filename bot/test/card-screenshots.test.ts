import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { cardGallery } from './support/card-gallery.js';
import { teamsChatPage, teamsLightHostConfig } from './support/teams-look.js';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
const require = createRequire(import.meta.url);
const adaptiveCardsJs = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const adaptiveCardsCss = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Debian's Chromium, never a downloaded browser, with the flags of the portal's end-to-end tests.
  browser = await chromium.launch({
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
  });
  page = await browser.newPage({ viewport: { width: 800, height: 600 }, locale: 'en-GB' });
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

interface Rendered {
  errors: string[];
  text: string;
}

/** Renders the card with the `adaptivecards` library inside the page, as a Teams client would. */
async function render(card: object): Promise<Rendered> {
  await page.setContent(teamsChatPage(adaptiveCardsCss));
  await page.addScriptTag({ path: adaptiveCardsJs });
  return page.evaluate(
    ({ json, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCardsModule }).AdaptiveCards;
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
      const context = new AC.SerializationContext();
      adaptiveCard.parse(json, context);
      const errors: string[] = [];
      for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
      for (const event of adaptiveCard.validateProperties().validationEvents) errors.push(event.message);
      const element = adaptiveCard.render();
      if (!element) return { errors: [...errors, 'the card did not render'], text: '' };
      document.getElementById('card')!.appendChild(element);
      // What a reader sees: the rendered text plus the labels of the buttons.
      return { errors, text: element.innerText };
    },
    { json: card, hostConfig: teamsLightHostConfig },
  );
}

describe.each(cardGallery().map((entry) => [`${entry.name}-${entry.language}`, entry] as const))(
  '%s',
  (file, entry) => {
    test('renders without errors, shows its key words, and is screenshot for the README', async () => {
      const rendered = await render(entry.card);
      expect(rendered.errors).toEqual([]);
      for (const words of entry.expected) expect(rendered.text).toContain(words);
      await page.locator('#chat').screenshot({ path: join(screenshots, `${file}.png`) });
    });
  },
);
