import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProductOnSimulator, type ProductOnSimulator } from '../../test-support/product-on-simulator.js';
import type { RunningApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { readyLine } from '../src/ready-line.js';

/**
 * What the READMEs tell a person to type or open must exist: every `npm run` names a script (and the benchmark,
 * environment, command or option after `--` exists), every `npx` a binary the install brings, and every address of
 * the root README's table is served by the product as `npm start` starts it.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

function readmes(directory = root): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', 'data', '.git'].includes(entry.name) || entry.name.startsWith('.')
        ? []
        : readmes(path);
    }
    return entry.name === 'README.md' ? [relative(root, path)] : [];
  });
}

const scriptsOf = (folder: string): Record<string, string> =>
  (JSON.parse(read(join(folder, 'package.json'))) as { scripts?: Record<string, string> }).scripts ?? {};

/** What each script with arguments accepts, in its own words (its usage text), or what must exist for a name. */
const usage = (script: string, ...args: string[]): string => {
  const result = spawnSync(process.execPath, [join(root, script), ...args], { encoding: 'utf8', timeout: 30_000 });
  return `${result.stdout}${result.stderr}`;
};
const argumentChecks: Record<string, (argument: string) => boolean> = {
  bench: (name) => existsSync(join(root, 'bench', `${name}.ts`)),
  'package:app': (argument) =>
    argument.startsWith('--')
      ? usage('tools/app-package/dist/cli.js', '--help').includes(argument)
      : existsSync(join(root, 'env', `.env.${argument}`)),
  custodia: (command) => usage('teams-app/dist/custodia-cli.js').includes(`npm run custodia -- ${command}`),
  simulator: (option) => usage('tools/m365-simulator/dist/cli.js', '--help').includes(`[${option}`),
};

interface Command {
  readme: string;
  text: string;
  script: string;
  workspace: string | undefined;
  argument: string | undefined;
}

function npmRuns(readme: string): Command[] {
  const text = read(readme);
  const runs = [...text.matchAll(/\bnpm run ([\w:-]+)(?: -w ([\w/-]+))?(?:\s+--\s+([^\s`),;]+))?/g)].map(
    ([whole, script, workspace, argument]) => ({ readme, text: whole, script: script!, workspace, argument }),
  );
  const lifecycle = [...text.matchAll(/\bnpm (start|test)\b/g)].map(([whole, script]) => ({
    readme,
    text: whole,
    script: script!,
    workspace: undefined,
    argument: undefined,
  }));
  return [...runs, ...lifecycle];
}

test('every npm script a README names exists, with the argument it is given', () => {
  const commands = readmes().flatMap(npmRuns);
  expect(commands.length).toBeGreaterThan(40);
  const broken = commands.filter(({ script, workspace, argument }) => {
    if (!(script in scriptsOf(workspace ?? '.'))) return true;
    if (argument === undefined || argument.startsWith('<')) return false;
    const check = argumentChecks[script];
    return check === undefined || !check(argument);
  });
  expect(broken.map(({ readme, text }) => `${readme}: ${text}`)).toEqual([]);
});

test('every npx a README names runs a binary the install brings', () => {
  const binaries = readmes().flatMap((readme) =>
    [...read(readme).matchAll(/\bnpx (?!-)([\w@/.-]+)/g)].map(([, name]) => ({ readme, name: name! })),
  );
  const missing = binaries.filter(({ name }) => !existsSync(join(root, 'node_modules', '.bin', name)));
  expect(missing).toEqual([]);
});

describe('the root README against the product as npm start starts it', () => {
  let product: ProductOnSimulator;
  let app: RunningApp;
  const readme = read('README.md');
  /** The README's prose with its line breaks as spaces, so a rewrap does not break a sentence's check. */
  const prose = readme.replace(/\s+/g, ' ');

  beforeAll(async () => {
    product = await startProductOnSimulator('readme_addresses');
    app = product.app;
  });
  afterAll(async () => {
    await product?.stop();
  });

  test('the address, the simulator port and the start-up line it shows are the defaults and what is printed', () => {
    const defaults = loadConfig({});
    const address = `http://${defaults.host}:${defaults.port}`;
    expect(prose).toContain(`\`npm start\` then serves on <${address}>`);
    expect(prose).toContain(`simulator** (\`tools/m365-simulator\`) on <http://127.0.0.1:${defaults.simulatorPort}>`);
    const line = readyLine({ portalUrl: `${address}/tab`, demoAdministrator: app.demoAdministrator });
    expect(readme).toContain(`${line.split(' / ')[0]} / …`);
  });

  test('every address of its table, and every view it names, is served', async () => {
    const table = readme.split('\n').filter((row) => row.startsWith('| `/'));
    const addresses = table.flatMap((row) => [...row.matchAll(/`(\/[^`\s]*)`/g)].map(([, path]) => path!));
    const views = [...readme.matchAll(/`(\/tab\/\?view=[\w-]+)`/g)].map(([, path]) => path!);
    expect(addresses).toEqual(
      expect.arrayContaining(['/', '/tab', '/api/v1/openapi.json', '/api/messages', '/healthz']),
    );
    expect(views.length).toBeGreaterThanOrEqual(3);
    // `/api/v1/…` names a prefix: one of the addresses must be under it.
    const prefixes = addresses.filter((path) => path.endsWith('…')).map((path) => path.slice(0, -1));
    const served = [...new Set([...addresses.filter((path) => !path.endsWith('…')), ...views])];
    expect(prefixes.filter((prefix) => !served.some((path) => path.startsWith(prefix)))).toEqual([]);
    const unserved: string[] = [];
    for (const path of served) {
      const answer = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      if (answer.status === 404) unserved.push(`${path}: ${answer.status} ${await answer.text()}`);
    }
    expect(unserved).toEqual([]);
  });
});
