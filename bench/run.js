// Runs one benchmark by name: `npm run bench -- <name> [options]` runs bench/<name>.ts with the project's Node 22,
// which strips TypeScript types itself. Benchmarks import the built workspaces (dist), so `npm run bench` builds first.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const script = name ? join(here, `${name}.ts`) : undefined;
if (!script || !existsSync(script)) {
  const available = readdirSync(here)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3));
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
// The benchmarks measure the product's processes as `npm start` and the Azure web app run them: with glibc's malloc
// arenas capped at two (README, "Configuration", MALLOC_ARENA_MAX), unless the caller sets it otherwise.
const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
