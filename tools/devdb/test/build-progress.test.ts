import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFerretDb, ensureDevDbBinary } from '../src/index.js';

const sourceDir = fileURLToPath(new URL('..', import.meta.url));

test('building FerretDB says it starts, how far it is while it runs, and when it is done', async () => {
  const output = join(mkdtempSync(join(tmpdir(), 'devdb-build-')), 'devdb');
  const lines: string[] = [];
  await buildFerretDb(sourceDir, output, { onProgress: (line) => lines.push(line), progressEveryMs: 250 });

  expect(lines[0]).toMatch(/^devdb: building the embedded database \(FerretDB\) with Go, once; .* \/ compilazione/);
  const during = lines.slice(1, -1);
  for (const line of during) {
    expect(line).toMatch(/^devdb: (\d+ Go modules downloaded|\d+ of \d+ packages compiled), \d+ (s|min \d+ s) \/ \d+ /);
  }
  // Go's own count of the packages FerretDB's server is made of, which the build then compiles one by one.
  const totals = during.map((line) => /of (\d+) packages/.exec(line)?.[1]).filter((total) => total !== undefined);
  expect(totals.length).toBeGreaterThan(0);
  expect(Number(totals[0])).toBeGreaterThan(300);
  expect(lines.at(-1)).toMatch(/^devdb: FerretDB built in \d+ (s|min \d+ s) \/ FerretDB compilato in/);
  // What was built is the server: it knows its own flags.
  expect(spawnSync(output, ['--help'], { encoding: 'utf8' }).stderr).toContain('-postgresql-url');
}, 600_000);

test('a build that fails says why, with what Go printed', async () => {
  const failure = await buildFerretDb(mkdtempSync(join(tmpdir(), 'devdb-empty-')), join(tmpdir(), 'never-built')).catch(
    (error: unknown) => error as Error,
  );
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(/^devdb: building FerretDB with Go failed \(is Go on the PATH\?\):\n.+/);
});

test('a binary already built is used as it is, without a word', async () => {
  const lines: string[] = [];
  await ensureDevDbBinary({ onProgress: (line) => lines.push(line) });
  expect(lines).toEqual([]);
});
