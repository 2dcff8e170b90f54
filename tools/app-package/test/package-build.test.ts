import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { AppPackageError } from '../src/build-package.js';
import { drawnIcons } from '../src/draw-icons.js';
import { schemaProblems } from '../src/manifest-schema.js';
import { MissingValuesError } from '../src/placeholders.js';
import { decodePng, encodePng, readPngHeader } from '../src/png.js';
import { buildDevPackage, copyOfPackageSources, provisionedValues, repositoryRoot } from './package-fixture.js';

/** Every entry of a ZIP file by name, read with an independent ZIP reader. */
async function unzip(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path);
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

test('the dev package holds exactly the filled manifest, the Italian file and two icons of the right sizes', async () => {
  const built = await buildDevPackage();
  expect(built.zipPath).toMatch(/appPackage[/\\]build[/\\]appPackage\.dev\.zip$/);

  const entries = await unzip(built.zipPath);
  expect([...entries.keys()].sort()).toEqual(['color.png', 'it.json', 'manifest.json', 'outline.png']);

  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  expect(manifest.manifestVersion).toBe('1.22');
  expect(manifest.id).toBe(provisionedValues.TEAMS_APP_ID);
  expect(manifest.bots[0].botId).toBe(provisionedValues.BOT_ID);
  expect(manifest.webApplicationInfo).toEqual({
    id: provisionedValues.AAD_APP_CLIENT_ID,
    resource: `api://${provisionedValues.TAB_DOMAIN}/${provisionedValues.AAD_APP_CLIENT_ID}`,
  });
  expect(JSON.stringify(manifest)).not.toContain('${{');
  expect(schemaProblems(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);

  const italian = JSON.parse(entries.get('it.json')!.toString('utf8'));
  expect(italian['staticTabs[1].name']).toBe('I miei backup');
  expect(schemaProblems(italian, 'MicrosoftTeams.Localization.schema.json')).toEqual([]);

  expect(readPngHeader(entries.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
  expect(readPngHeader(entries.get('outline.png')!)).toMatchObject({ width: 32, height: 32 });
  const outline = decodePng(entries.get('outline.png')!);
  const alphas = [...outline.pixels.filter((_value, index) => index % 4 === 3)];
  expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(32 * 32 * 0.3);
  expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(32 * 2);
  for (let i = 0; i < outline.pixels.length; i += 4) {
    if (outline.pixels[i + 3]! > 0) expect([...outline.pixels.subarray(i, i + 3)]).toEqual([255, 255, 255]);
  }
});

test('the manifest has the portal, My backups, the channel tab, the bot and the Outlook restore button', async () => {
  const { manifest } = await buildDevPackage();
  const endpoint = provisionedValues.TAB_ENDPOINT;
  const tabs = manifest.staticTabs as { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  expect(
    tabs.filter((tab) => tab.contentUrl).map(({ entityId, name, contentUrl }) => [entityId, name, contentUrl]),
  ).toEqual([
    ['portal', 'Custodia', `${endpoint}/tab/`],
    ['my-backups', 'My backups', `${endpoint}/tab/?view=my-backups`],
  ]);
  expect(manifest.configurableTabs).toEqual([
    expect.objectContaining({ configurationUrl: `${endpoint}/tab/?view=channel-config`, scopes: ['team'] }),
  ]);
  const [extension] = manifest.extensions as {
    requirements: { scopes: string[] };
    runtimes: { code: { page: string }; actions: { id: string; type: string }[] }[];
    ribbons: { contexts: string[]; tabs: { groups: { controls: { actionId: string }[] }[] }[] }[];
  }[];
  expect(extension!.requirements.scopes).toEqual(['mail']);
  expect(extension!.runtimes[0]!.code.page).toBe(`${endpoint}/tab/?view=outlook-restore`);
  expect(extension!.ribbons[0]!.contexts).toEqual(['mailRead']);
  const button = extension!.ribbons[0]!.tabs[0]!.groups[0]!.controls[0]!;
  expect(extension!.runtimes[0]!.actions).toContainEqual({
    id: button.actionId,
    type: 'openPage',
    displayName: 'Restore from backup',
    pinnable: false,
  });
  expect(manifest.validDomains).toEqual([provisionedValues.TAB_DOMAIN]);
});

test('a value the schema refuses stops the build, names the field, and writes no package', async () => {
  const root = copyOfPackageSources();
  const failure = await buildDevPackage(root, { BOT_ID: 'not-a-guid', TAB_ENDPOINT: 'custodia.example' }).catch(
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(AppPackageError);
  const problems = (failure as AppPackageError).problems;
  expect(problems).toContainEqual(expect.stringMatching(/^manifest\.json \/bots\/0\/botId: must match pattern/));
  expect(problems).toContainEqual(expect.stringMatching(/^manifest\.json \/staticTabs\/0\/contentUrl: must match/));
  expect(() => readFileSync(join(root, 'appPackage/build/appPackage.dev.zip'))).toThrow(/ENOENT/);
});

test('before provision, the build names every id it still needs', async () => {
  const failure = await buildDevPackage(copyOfPackageSources(), {
    TEAMS_APP_ID: '',
    BOT_ID: '',
  }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(MissingValuesError);
  expect((failure as MissingValuesError).names).toEqual(['TEAMS_APP_ID', 'BOT_ID']);
});

test('an outline icon that is not white on transparent, or a colour icon of the wrong size, is refused', async () => {
  const root = copyOfPackageSources();
  const opaque = decodePng(readFileSync(join(root, 'appPackage/outline.png')));
  const blueOnWhite = new Uint8Array(opaque.pixels.length).fill(255);
  for (let i = 0; i < blueOnWhite.length; i += 4) blueOnWhite.set([15, 108, 189], i);
  writeFileSync(join(root, 'appPackage/outline.png'), encodePng({ ...opaque, pixels: blueOnWhite }));
  writeFileSync(join(root, 'appPackage/color.png'), readFileSync(join(root, 'appPackage/outline.png')));
  const failure = (await buildDevPackage(root).catch((error: unknown) => error)) as AppPackageError;
  expect(failure.problems).toEqual([
    'color icon is 32×32, must be 192×192',
    'outline icon has no transparent background',
    `outline icon has ${32 * 32} visible pixels that are not white`,
  ]);
});

test('the committed icons are the ones the drawing code makes', () => {
  for (const [path, png] of drawnIcons()) expect(readFileSync(join(repositoryRoot, path)).equals(png)).toBe(true);
});

test('each Outlook ribbon icon the manifest names is drawn at the size it declares', async () => {
  const { manifest } = await buildDevPackage();
  const icons = JSON.stringify(manifest.extensions).match(/\{"size":\d+,"url":"[^"]+"\}/g)!;
  expect(icons.length).toBeGreaterThanOrEqual(3);
  for (const icon of icons) {
    const { size, url } = JSON.parse(icon) as { size: number; url: string };
    expect(url).toBe(`${provisionedValues.TAB_ENDPOINT}/tab/icons/custodia-${size}.png`);
    const png = readFileSync(join(repositoryRoot, `tab/public/icons/custodia-${size}.png`));
    expect(readPngHeader(png)).toMatchObject({ width: size, height: size });
  }
});
