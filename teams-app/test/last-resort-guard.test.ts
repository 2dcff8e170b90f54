import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The guard in a process of its own, as `main.ts` installs it: a rejected promise nobody awaits and an exception
 * thrown out of the event loop each end Node 22 unless guarded. The child must log both and go on answering HTTP.
 */
const guard = fileURLToPath(new URL('../src/last-resort-guard.ts', import.meta.url));
const child = `
import { createServer } from 'node:http';
import { installLastResortGuard } from ${JSON.stringify(guard)};
let bothLogged;
const logged = new Promise((resolve) => (bothLogged = resolve));
const lines = [];
installLastResortGuard({
  error(fields, message) {
    lines.push({ guard: fields.guard, error: fields.err.message, message });
    if (lines.length === 2) bothLogged();
  },
});
const server = createServer((_request, response) => response.end('still here'));
server.listen(0, async () => {
  Promise.reject(new Error('nobody awaited me'));
  setImmediate(() => {
    throw new Error('nobody caught me');
  });
  await logged;
  const answer = await (await fetch('http://127.0.0.1:' + server.address().port + '/')).text();
  process.stdout.write(JSON.stringify({ lines, answer }));
  server.close();
});
`;

test('an unhandled rejection and an uncaught exception are logged, and the process keeps answering', async () => {
  const run = spawn(process.execPath, [
    '--experimental-strip-types',
    '--no-warnings',
    '--input-type=module',
    '-e',
    child,
  ]);
  let stdout = '';
  let stderr = '';
  run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => run.on('close', resolve));
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const { lines, answer } = JSON.parse(stdout) as { lines: Array<Record<string, string>>; answer: string };
  expect(answer).toBe('still here');
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ guard: 'unhandledRejection', error: 'nobody awaited me' }),
      expect.objectContaining({ guard: 'uncaughtException', error: 'nobody caught me' }),
    ]),
  );
});
