import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The product started as `npm start` starts it (`node teams-app/dist/main.js`, the embedded database and the
 * simulator on their defaults), in a fresh data directory: what it prints, and what its address answers.
 */
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'custodia-first-start-'));
const readyPattern =
  /^Custodia is ready: open (http:\/\/127\.0\.0\.1:\d+)\/tab and sign in as (.+) \((\S+)\), the demo tenant's administrator \/ Custodia è pronto: aprire \1\/tab e accedere come \2 \(\3\), amministratore del tenant demo$/;

interface Started {
  product: ChildProcess;
  ready: RegExpExecArray;
  /** Every stdout line up to the ready line. */
  lines: string[];
}

async function startLikeNpmStart(): Promise<Started> {
  const product = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, PORT: '0', SIMULATOR_PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  product.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines: string[] = [];
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ready line in 150 s:\n${lines.join('\n')}\n${stderr}`)),
      150_000,
    );
    product.once('exit', (code) => reject(new Error(`exited with ${code}:\n${lines.join('\n')}\n${stderr}`)));
    createInterface({ input: product.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = readyPattern.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
  return { product, ready, lines };
}

async function stop(product: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => product.once('exit', resolve));
  product.kill('SIGTERM');
  await exited;
}

let first: Started | undefined;
afterAll(async () => {
  if (first?.product.exitCode === null) await stop(first.product);
});

test('npm start prints one plain line naming the portal and whom to sign in as, who is its administrator', async () => {
  first = await startLikeNpmStart();
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
  await stop(first!.product);
  const again = await startLikeNpmStart();
  try {
    expect(again.ready[0].replace(/:\d+\//g, ':PORT/')).toBe(line.replace(/:\d+\//g, ':PORT/'));
  } finally {
    await stop(again.product);
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
