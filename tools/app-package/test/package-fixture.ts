import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppPackage, type BuiltAppPackage } from '../src/build-package.js';

export const repositoryRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** What provision writes for a `dev` environment on Azure, as the toolkit would. */
export const provisionedValues = {
  TEAMS_APP_ID: '5b1e0d7c-6c2f-4a53-9d1e-3c7a2f9b8e41',
  AAD_APP_CLIENT_ID: '0a6f3c9e-8d1b-4e57-a2c4-7b9e1f3d5a20',
  BOT_ID: 'c4e8a1f2-3b5d-4c6e-9f70-1a2b3c4d5e6f',
  TAB_ENDPOINT: 'https://custodia-dev-x7k2.azurewebsites.net',
  TAB_DOMAIN: 'custodia-dev-x7k2.azurewebsites.net',
};

/**
 * A copy of the repository's `appPackage/` and `env/` in a temporary folder, so a test can build (and break) the
 * package without touching the working tree.
 */
export function copyOfPackageSources(): string {
  const root = mkdtempSync(join(tmpdir(), 'custodia-app-package-'));
  for (const folder of ['appPackage', 'env']) {
    cpSync(join(repositoryRoot, folder), join(root, folder), {
      recursive: true,
      filter: (source) => !source.includes(`${join('appPackage', 'build')}`),
    });
  }
  return root;
}

export function buildDevPackage(
  root = copyOfPackageSources(),
  overrides: Record<string, string> = {},
): Promise<BuiltAppPackage> {
  return buildAppPackage({ root, environment: 'dev', overrides: { ...provisionedValues, ...overrides } });
}
