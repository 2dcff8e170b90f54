import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLikeNpmStart, type StartedProduct } from '../../test-support/npm-start.js';

/**
 * The product started as `npm start` starts it (`node teams-app/dist/main.js`, the embedded database and the
 * simulator on their defaults), in a fresh data directory with no locale in its environment: what it prints, and
 * what its address answers.
 */
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'custodia-first-start-'));

let first: StartedProduct | undefined;
afterAll(async () => {
  await first?.stop();
});

test('npm start prints one plain line naming the portal and whom to sign in as, who is its administrator', async () => {
  first = await startLikeNpmStart(dataDir);
  const [, base, name, email] = first.ready;
  // Besides pino's JSON log lines, the only plain lines are the embedded database's build progress and this one.
  const plain = first.lines.filter((line) => !line.startsWith('{') && !line.startsWith('devdb: '));
  expect(plain).toEqual([first.ready[0]]);

  const users = (await (await fetch(`${base}/dev/users`)).json()) as {
    displayName: string;
    userPrincipalName: string;
  }[];
  expect(users).toContainEqual(expect.objectContaining({ displayName: name, userPrincipalName: email }));
  const signIn = await fetch(`${base}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userPrincipalName: email }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ kind: 'tenant', role: 'tenant_admin', email, name });
}, 180_000);

test('the bare address leads to the portal', async () => {
  const base = first!.ready[1];
  const root = await fetch(`${base}/`, { redirect: 'manual' });
  expect({ status: root.status, location: root.headers.get('location') }).toEqual({ status: 302, location: '/tab/' });
  const portal = await fetch(`${base}/`);
  expect({ url: portal.url, status: portal.status }).toEqual({ url: `${base}/tab/`, status: 200 });
  expect(await portal.text()).toContain('<div id="root">');
});

test('started again on the same data, it names the same administrator', async () => {
  const [line] = first!.ready;
  await first!.stop();
  const again = await startLikeNpmStart(dataDir);
  try {
    expect(again.ready[0].replace(/:\d+\//g, ':PORT/')).toBe(line.replace(/:\d+\//g, ':PORT/'));
  } finally {
    await again.stop();
  }
}, 180_000);

test('a start that fails ends the process with code 1 and says why, instead of going on without serving', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const product = spawn(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        PORT: String((taken.address() as AddressInfo).port),
        SIMULATOR_PORT: '0',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    product.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => product.once('exit', resolve));
    expect(code).toBe(1);
    const fatal = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { code?: string } })
      .find((entry) => entry.level === 60);
    expect(fatal).toMatchObject({ msg: 'Custodia could not start', err: { code: 'EADDRINUSE' } });
    expect(stdout).not.toContain('Custodia is ready');
  } finally {
    taken.close();
  }
}, 120_000);
