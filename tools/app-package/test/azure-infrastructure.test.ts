import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@custodia/teams-app';
import { repositoryRoot } from './package-fixture.js';

/**
 * No Bicep compiler can be installed from the package registries this project reaches, so these tests read
 * infra/azure.bicep as text: they hold it to the product's real configuration, not to Bicep's grammar.
 */
const bicep = readFileSync(join(repositoryRoot, 'infra/azure.bicep'), 'utf8');
const parameterFile = JSON.parse(readFileSync(join(repositoryRoot, 'infra/azure.parameters.json'), 'utf8')) as {
  parameters: Record<string, { value: string }>;
};

/** `{ name: 'X', value: <expression> }` entries of the web app's appSettings. */
function appSettings(): Map<string, string> {
  const block = /appSettings: \[([\s\S]*?)\n {6}\]/.exec(bicep)?.[1] ?? '';
  return new Map([...block.matchAll(/\{ name: '([^']+)', value: (.+) \}/g)].map((m) => [m[1]!, m[2]!]));
}

/** Settings App Service and the Application Insights agent read, not the product. */
const platformSettings = new Set([
  'WEBSITES_PORT',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
]);

/** Realistic values for settings whose value Azure computes at deployment (Key Vault references, host names). */
const deployedValues: Record<string, string> = {
  MONGODB_URI: 'mongodb+srv://custodia:p%40ss@custodia-mongo.global.mongocluster.cosmos.azure.com/?tls=true',
  GRAPH_CLIENT_ID: '0a6f3c9e-8d1b-4e57-a2c4-7b9e1f3d5a20',
  GRAPH_CLIENT_SECRET: 'client-secret-from-key-vault',
  PROVIDER_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  PROVIDER_NAME: 'Custodia',
  SUPPORT_EMAIL: 'support@custodia.example',
  CUSTODIA_MASTER_KEY: randomBytes(32).toString('base64'),
  STORE_AZURE_CONNECTION_STRING:
    'DefaultEndpointsProtocol=https;AccountName=custodia;AccountKey=a2V5;EndpointSuffix=core.windows.net',
  STORE_AZURE_CONTAINER: 'custodia-store',
  API_CLIENT_ID: '0a6f3c9e-8d1b-4e57-a2c4-7b9e1f3d5a20',
  API_DOMAIN: 'custodiadev-x7k2.azurewebsites.net',
  PUBLIC_URL: 'https://custodiadev-x7k2.azurewebsites.net',
  BOT_APP_ID: 'c4e8a1f2-3b5d-4c6e-9f70-1a2b3c4d5e6f',
  BOT_APP_PASSWORD: 'bot-secret-from-key-vault',
  TEAMS_APP_ID: '5b1e0d7c-6c2f-4a53-9d1e-3c7a2f9b8e41',
};

test('the web app sets only configuration names the product documents', () => {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
  const table = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
  );
  const documented = new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
  const productSettings = [...appSettings().keys()].filter((name) => !platformSettings.has(name));
  expect(productSettings.length).toBeGreaterThan(15);
  expect(productSettings.filter((name) => !documented.has(name))).toEqual([]);
});

test('the product starts its configuration from the web app settings: Microsoft 365, MongoDB, Blob store, bot', () => {
  const environment: Record<string, string> = {};
  for (const [name, expression] of appSettings()) {
    if (platformSettings.has(name)) continue;
    const literal = /^'([^'$]*)'$/.exec(expression)?.[1];
    const value = literal ?? deployedValues[name];
    expect({ name, value }).toEqual({ name, value: expect.any(String) });
    environment[name] = value!;
  }
  const config = loadConfig(environment);
  expect(config).toMatchObject({
    host: '0.0.0.0',
    port: 8080,
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    authorityHost: 'https://login.microsoftonline.com',
    dataDir: '/home/custodia',
    mongodbUri: deployedValues.MONGODB_URI,
    apiDomain: deployedValues.API_DOMAIN,
  });
  expect(config.storeLocations).toEqual([
    {
      location: 'italy-north',
      store: {
        kind: 'azure',
        connectionString: deployedValues.STORE_AZURE_CONNECTION_STRING,
        container: 'custodia-store',
      },
    },
  ]);
  expect(config.bot?.appId).toBe(deployedValues.BOT_APP_ID);
  expect(config.masterKey).toHaveLength(32);
});

test('secrets reach the app only as Key Vault references', () => {
  const settings = appSettings();
  for (const name of [
    'MONGODB_URI',
    'GRAPH_CLIENT_SECRET',
    'CUSTODIA_MASTER_KEY',
    'STORE_AZURE_CONNECTION_STRING',
    'BOT_APP_PASSWORD',
  ]) {
    expect({ name, value: settings.get(name) }).toEqual({
      name,
      value: expect.stringMatching(/^'\$\{vaultReference\}[a-z-]+\)'$/),
    });
  }
  expect(bicep).toContain("var vaultReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='");
  const secretParameters = Object.entries(parameterFile.parameters)
    .filter(([name]) => /Secret|Password|masterKey|Uri$/.test(name))
    .map(([name, { value }]) => ({
      name,
      secure: new RegExp(`@secure\\(\\)\\n(?:@description\\(.*\\)\\n)?param ${name} `).test(bicep),
      fromUserFile: /^\$\{\{SECRET_\w+\}\}$/.test(value),
    }));
  expect(secretParameters.map((p) => p.name)).toEqual([
    'aadAppClientSecret',
    'botAadAppClientSecret',
    'masterKey',
    'existingMongoDbUri',
    'mongoAdminPassword',
  ]);
  for (const parameter of secretParameters)
    expect(parameter).toEqual({ ...parameter, secure: true, fromUserFile: true });
});

test('the template runs Node 22 on Linux in Italy North by default, with MongoDB vCore unless a URI is given', () => {
  expect(bicep).toMatch(/param location string = 'italynorth'/);
  expect(bicep).toMatch(/linuxFxVersion: 'NODE\|22-lts'/);
  expect(bicep).toMatch(/appCommandLine: 'node teams-app\/dist\/main\.js'/);
  expect(bicep).toMatch(/var createMongoCluster = empty\(existingMongoDbUri\)/);
  expect(bicep).toMatch(
    /resource mongoCluster 'Microsoft\.DocumentDB\/mongoClusters@2024-07-01' = if \(createMongoCluster\)/,
  );
  for (const type of [
    'Microsoft.Web/serverfarms',
    'Microsoft.Web/sites',
    'Microsoft.Storage/storageAccounts/blobServices/containers',
    'Microsoft.KeyVault/vaults',
    'Microsoft.KeyVault/vaults/secrets',
    'Microsoft.Insights/components',
    'Microsoft.Authorization/roleAssignments',
  ]) {
    expect(bicep).toContain(`'${type}@`);
  }
});

test('the web app runs the product with two malloc arenas, as npm start does (README, "Configuration")', () => {
  expect(appSettings().get('MALLOC_ARENA_MAX')).toBe("'2'");
  const scripts = (
    JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  expect(scripts['start']).toMatch(/MALLOC_ARENA_MAX=\$\{MALLOC_ARENA_MAX:-2\} node teams-app\/dist\/main\.js$/);
});

test('the parameter file passes every parameter the template requires and nothing it does not declare', () => {
  const declared = [...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((m) => ({ name: m[1]!, required: !m[2] }));
  const passed = Object.keys(parameterFile.parameters);
  expect(passed.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
  expect(declared.filter((param) => param.required && !passed.includes(param.name)).map((p) => p.name)).toEqual([]);
});
