import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startApp, createLogger, type RunningApp } from '@custodia/teams-app';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { readPngHeader } from '../src/index.js';
import { buildDevPackage, provisionedValues } from './package-fixture.js';

/**
 * Every address the package hands to Teams and Outlook must be one the product really serves: the manifest is built
 * for a provisioned environment, its URLs are moved onto a locally started product, and each is fetched.
 */
let database: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  database = await openTestDatabase('app_package_routes');
  const config = loadConfig({
    PORT: '0',
    SIMULATOR_PORT: '0',
    MONGODB_URI: database.uri,
    MONGODB_DATABASE: database.name,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'custodia-app-package-routes-')),
  });
  app = await startApp(config, createLogger('silent'));
});
afterAll(async () => {
  await app?.stop();
  await database?.dispose();
});

/** The same path and query on the locally running product. */
const onLocalProduct = (url: string): string => {
  expect(url.startsWith(`${provisionedValues.TAB_ENDPOINT}/`)).toBe(true);
  return `${app.url}${url.slice(provisionedValues.TAB_ENDPOINT.length)}`;
};

async function expectTabPage(url: string): Promise<void> {
  const response = await fetch(onLocalProduct(url));
  expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({
    url,
    status: 200,
    type: 'text/html; charset=utf-8',
  });
  expect(await response.text()).toContain('<div id="root">');
}

test('every tab, the channel tab configuration and content, and the Outlook pane open the portal app', async () => {
  const { manifest } = await buildDevPackage();
  const staticTabs = (manifest.staticTabs as { contentUrl?: string; websiteUrl?: string }[]).flatMap((tab) =>
    [tab.contentUrl, tab.websiteUrl].filter((url): url is string => url !== undefined),
  );
  const configurable = (manifest.configurableTabs as { configurationUrl: string }[]).map((tab) => tab.configurationUrl);
  const outlookPages = (manifest.extensions as { runtimes: { code: { page: string } }[] }[]).flatMap((extension) =>
    extension.runtimes.map((runtime) => runtime.code.page),
  );
  // The channel tab's configuration page saves this content URL for the channel (it is not in the manifest).
  const channelContent = `${provisionedValues.TAB_ENDPOINT}/tab/?view=channel`;

  const urls = [...staticTabs, ...configurable, ...outlookPages, channelContent];
  expect(urls).toHaveLength(7);
  for (const url of urls) await expectTabPage(url);
});

test('the Outlook button’s icons are served as PNG images of their sizes', async () => {
  const { manifest } = await buildDevPackage();
  const icons = JSON.stringify(manifest.extensions).match(/[^"]*\/tab\/icons\/custodia-\d+\.png/g) ?? [];
  expect(new Set(icons).size).toBe(3);
  for (const url of new Set(icons)) {
    const response = await fetch(onLocalProduct(url));
    expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({
      url,
      status: 200,
      type: 'image/png',
    });
    const size = Number(/custodia-(\d+)\.png$/.exec(url)![1]);
    expect(readPngHeader(Buffer.from(await response.arrayBuffer()))).toMatchObject({ width: size, height: size });
  }
});

test('the bot registered in the manifest is answered at /api/messages, where Bot Framework posts', async () => {
  const { manifest } = await buildDevPackage();
  expect((manifest.bots as { botId: string }[])[0]!.botId).toBe(provisionedValues.BOT_ID);
  const messages = await fetch(`${app.url}/api/messages`);
  const nowhere = await fetch(`${app.url}/api/no-such-route`);
  expect(nowhere.status).toBe(404);
  expect(messages.status).toBe(405);
});
