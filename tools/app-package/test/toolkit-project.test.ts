import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { parseEnvFile } from '../src/env-file.js';
import { placeholderNames } from '../src/placeholders.js';
import { repositoryRoot } from './package-fixture.js';

/**
 * The actions the Microsoft 365 Agents Toolkit documents for teamsapp.yml, from
 * https://learn.microsoft.com/microsoftteams/platform/toolkit/provision (provision actions) and the toolkit's action
 * reference https://aka.ms/teamsfx-actions (deploy and publish actions, `teamsApp/extendToM365`,
 * `botFramework/create`, `cli/runNpmCommand`, `file/createOrUpdateEnvironmentFile`, `azureAppService/zipDeploy`).
 */
const documentedActions = new Set([
  'teamsApp/create',
  'teamsApp/update',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/zipAppPackage',
  'teamsApp/publishAppPackage',
  'teamsApp/extendToM365',
  'aadApp/create',
  'aadApp/update',
  'botAadApp/create',
  'botFramework/create',
  'arm/deploy',
  'azureStorage/enableStaticWebsite',
  'azureStorage/deploy',
  'azureAppService/zipDeploy',
  'azureFunctions/zipDeploy',
  'cli/runNpmCommand',
  'cli/runNpxCommand',
  'cli/runDotnetCommand',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'devTool/install',
  'script',
]);

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision: Action[];
  deploy: Action[];
  publish?: Action[];
}

const read = (path: string): string => readFileSync(join(repositoryRoot, path), 'utf8');
const projectFiles = ['teamsapp.yml', 'teamsapp.local.yml'] as const;
const project = (path: string): ProjectFile => parse(read(path)) as ProjectFile;
const actions = (file: ProjectFile): Action[] => [...file.provision, ...file.deploy, ...(file.publish ?? [])];

/** The `output NAME` declarations of the Bicep template, which arm/deploy writes into the environment file. */
const bicepOutputs = (): string[] => [...read('infra/azure.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]!);

/** The toolkit's own schema for these files, vendored from its npm package (see `schemas/README.md`). */
const yamlSchema = JSON.parse(read('tools/app-package/schemas/teamsapp-yaml-v1.11.schema.json')) as object;
const validateProjectFile = new Ajv({ allErrors: true, strict: false }).compile(yamlSchema);

test.each(projectFiles)("%s conforms to the toolkit's v1.11 schema, which refuses unknown actions", (path) => {
  const file = project(path);
  expect(validateProjectFile(file) ? [] : validateProjectFile.errors).toEqual([]);
  const broken = project(path);
  broken.provision[0]!.uses = 'teamsApp/createEverything';
  expect(validateProjectFile(broken)).toBe(false);
});

test("the documented action list is the schema's own", () => {
  const schemaActions = new Set(
    [...JSON.stringify(yamlSchema).matchAll(/"uses":\{[^}]*?"const":"([^"]+)"/g)].map((match) => match[1]!),
  );
  expect([...documentedActions].filter((name) => !schemaActions.has(name))).toEqual([]);
});

test.each(projectFiles)('%s parses and uses only actions the toolkit documents', (path) => {
  const file = project(path);
  expect(file.version).toBe('v1.11');
  expect(file.environmentFolderPath).toBe('./env');
  expect(file.provision.length).toBeGreaterThan(5);
  const used = actions(file).map((action) => action.uses);
  expect(used.filter((name) => !documentedActions.has(name))).toEqual([]);
  expect(used).toEqual(
    expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'aadApp/update', 'botAadApp/create']),
  );
  expect(used).toEqual(expect.arrayContaining(['botFramework/create', 'teamsApp/validateManifest']));
  expect(used).toEqual(expect.arrayContaining(['teamsApp/zipAppPackage', 'teamsApp/update']));
});

test('teamsapp.yml provisions Azure from infra/azure.bicep and deploys the built product to App Service', () => {
  const file = project('teamsapp.yml');
  const arm = file.provision.find((action) => action.uses === 'arm/deploy')!;
  expect(arm.with!.templates).toEqual([
    {
      path: './infra/azure.bicep',
      parameters: './infra/azure.parameters.json',
      deploymentName: 'custodia-${{TEAMSFX_ENV}}',
    },
  ]);
  expect(file.deploy.map((action) => action.uses)).toEqual([
    'cli/runNpmCommand',
    'cli/runNpmCommand',
    'azureAppService/zipDeploy',
  ]);
  expect(file.publish!.map((action) => action.uses)).toContain('teamsApp/publishAppPackage');
  // The Entra app is updated after Azure exists: its identifier URI needs the App Service's domain.
  const order = file.provision.map((action) => action.uses);
  expect(order.indexOf('aadApp/update')).toBeGreaterThan(order.indexOf('arm/deploy'));
});

test.each(projectFiles)('every file %s points at exists', (path) => {
  const referenced = actions(project(path)).flatMap((action) => {
    const inputs = action.with ?? {};
    const templates = (inputs.templates as { path: string; parameters: string }[] | undefined) ?? [];
    return [inputs.manifestPath, ...templates.flatMap((t) => [t.path, t.parameters])].filter(
      (value): value is string => typeof value === 'string',
    );
  });
  expect(referenced.length).toBeGreaterThan(1);
  for (const file of referenced) expect(() => read(file)).not.toThrow();
});

test.each([
  [
    'teamsapp.yml',
    'env/.env.dev',
    ['appPackage/manifest.json', 'appPackage/it.json', 'aad.manifest.json', 'infra/azure.parameters.json'],
  ],
  ['teamsapp.local.yml', 'env/.env.local', ['appPackage/manifest.json', 'appPackage/it.json', 'aad.manifest.json']],
] as const)(
  'every ${{VALUE}} %s needs is declared in %s, written by an action, or a documented secret',
  (yml, env, templates) => {
    const file = project(yml);
    const declared = new Set(Object.keys(parseEnvFile(read(env))));
    const written = new Set(actions(file).flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {})));
    const outputs = new Set(yml === 'teamsapp.yml' ? bicepOutputs() : []);
    const readme = read('README.md');
    const needed = placeholderNames([read(yml), ...templates.map(read)].join('\n'));
    const unknown = needed.filter(
      (name) =>
        !declared.has(name) &&
        !written.has(name) &&
        !outputs.has(name) &&
        !(name.startsWith('SECRET_') && (readme.includes(name) || read(env).includes(name))),
    );
    expect(unknown).toEqual([]);
  },
);

test('committed environment files hold no secret, and the .user files with secrets are ignored by git', () => {
  const committed = execFileSync('git', ['ls-files', 'env'], { cwd: repositoryRoot, encoding: 'utf8' }).split('\n');
  expect(committed.filter(Boolean).sort()).toEqual(['env/.env.dev', 'env/.env.local']);
  for (const path of ['env/.env.dev', 'env/.env.local']) {
    const values = parseEnvFile(read(path));
    expect(Object.keys(values).filter((key) => key.startsWith('SECRET_'))).toEqual([]);
    const secretLooking = Object.entries(values).filter(
      ([key, value]) => /SECRET|PASSWORD|MASTER_KEY|CONNECTION_STRING|MONGODB_URI/.test(key) && value !== '',
    );
    expect(secretLooking).toEqual([]);
  }
  const ignored = execFileSync('git', ['check-ignore', 'env/.env.dev.user', 'env/.env.local.user', '.localConfigs'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  expect(ignored.trim().split('\n')).toEqual(['env/.env.dev.user', 'env/.env.local.user', '.localConfigs']);
});
