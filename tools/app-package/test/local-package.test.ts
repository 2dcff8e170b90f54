import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadConfig } from '@custodia/teams-app';
import { demoTenant } from '@custodia/m365-simulator';
import { buildAppPackage } from '../src/build-package.js';
import { developmentValues, realValueSources } from '../src/development-values.js';
import { parseEnvFile } from '../src/env-file.js';
import { schemaProblems } from '../src/manifest-schema.js';
import { copyOfPackageSources, repositoryRoot } from './package-fixture.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** `npm run package:app -- <args>` on a copy of the sources, with no id in the process environment, as offline. */
function packageApp(root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cli, ...args, '--root', root], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('`package:app -- local` builds and validates the package offline with the ids npm start runs with', async () => {
  const root = copyOfPackageSources();
  const result = packageApp(root, 'local');
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(result.stdout).toContain(`appPackage.local.zip: manifest.json, it.json, color.png, outline.png`);
  for (const [name, { value, filledBy }] of Object.entries(developmentValues)) {
    expect(result.stdout).toContain(`  ${name}=${value}: ${realValueSources[filledBy]}\n`);
  }

  const built = await buildAppPackage({ root, environment: 'local' });
  expect(built.developmentValuesUsed).toEqual(Object.keys(developmentValues));
  expect(schemaProblems(built.manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
  const product = loadConfig({});
  expect(built.manifest.id).toBe(product.teamsAppId);
  expect(built.manifest.webApplicationInfo).toEqual({
    id: demoTenant().app.clientId,
    resource: `api://${product.host}:${product.port}/${demoTenant().app.clientId}`,
  });
  expect((built.manifest.staticTabs as { contentUrl?: string }[])[0]?.contentUrl).toBe(
    `http://${product.host}:${product.port}/tab/`,
  );
});

test('a value configured for local wins; only the rest take development values', async () => {
  const tunnel = { TAB_ENDPOINT: 'https://a1b2c3-3978.euw.devtunnels.ms', TAB_DOMAIN: 'a1b2c3-3978.euw.devtunnels.ms' };
  const built = await buildAppPackage({ root: copyOfPackageSources(), environment: 'local', overrides: tunnel });
  expect(built.developmentValuesUsed).toEqual(['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'BOT_ID']);
  expect(built.manifest.validDomains).toEqual([tunnel.TAB_DOMAIN]);
});

test('the ids said to come from provision are what teamsapp.local.yml provision writes; the rest are declared', () => {
  const project = parse(readFileSync(join(repositoryRoot, 'teamsapp.local.yml'), 'utf8')) as {
    provision: { writeToEnvironmentFile?: Record<string, string> }[];
  };
  const written = new Set(project.provision.flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {})));
  const declared = parseEnvFile(readFileSync(join(repositoryRoot, 'env/.env.local'), 'utf8'));
  for (const [name, { filledBy }] of Object.entries(developmentValues)) {
    expect({ name, written: written.has(name) }).toEqual({ name, written: filledBy === 'provision' });
    expect({ name, declared: name in declared }).toEqual({ name, declared: true });
  }
});

test('the Azure environment is never built with development values: it names the ids and the offline way', () => {
  const result = packageApp(copyOfPackageSources(), 'dev');
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('No value for TEAMS_APP_ID, TAB_ENDPOINT, BOT_ID, TAB_DOMAIN, AAD_APP_CLIENT_ID');
  expect(result.stderr).toContain('Offline, `npm run package:app -- local` builds the package');
});
