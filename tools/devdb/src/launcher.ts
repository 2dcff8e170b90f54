import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { buildFerretDb, type BuildProgress } from './build-ferretdb.js';
import { freeLoopbackPort } from './free-port.js';
import { startPostgres } from './postgres.js';

const sourceDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(sourceDir, '..', '..');
// Named by its sources, so a checkout whose main.go or pinned modules changed builds its own binary.
const sourceHash = createHash('sha256')
  .update(['main.go', 'go.mod', 'go.sum'].map((file) => readFileSync(join(sourceDir, file), 'utf8')).join('\0'))
  .digest('hex')
  .slice(0, 12);
const binaryPath = join(repoRoot, '.devdb-bin', `devdb-${sourceHash}`);

export interface DevDbOptions extends BuildProgress {
  /** Directory for the database (PostgreSQL's files in `postgresql/`); defaults to ./data/db under the repository. */
  dataDir?: string;
  /** Loopback port; a free one is chosen when absent. */
  port?: number;
  /** How long to wait for the server to answer `ping`. */
  startTimeoutMs?: number;
}

export interface DevDb {
  /** mongodb:// URI of the running server. */
  readonly uri: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Builds the devdb binary with the machine's Go when it is missing, reporting its progress.
 * The Go module proxy supplies FerretDB; the build takes a few minutes the first time.
 */
export async function ensureDevDbBinary(progress: BuildProgress = {}): Promise<string> {
  if (existsSync(binaryPath)) return binaryPath;
  mkdirSync(dirname(binaryPath), { recursive: true });
  await buildFerretDb(sourceDir, binaryPath, progress);
  return binaryPath;
}

/** Starts PostgreSQL, then FerretDB over it on loopback, and resolves once FerretDB answers `ping`. */
export async function startDevDb(options: DevDbOptions = {}): Promise<DevDb> {
  const binary = await ensureDevDbBinary(options);
  const dataDir = resolve(options.dataDir ?? join(repoRoot, 'data', 'db'));
  mkdirSync(dataDir, { recursive: true });
  const output: string[] = [];
  const remember = (chunk: Buffer | string): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  const postgres = await startPostgres(join(dataDir, 'postgresql'), remember);
  const port = options.port ?? (await freeLoopbackPort());
  // At most 40 commands in flight per client (the driver's default is 100): see ferretDbPoolSize in postgres.ts.
  const uri = `mongodb://127.0.0.1:${port}/?maxPoolSize=40`;

  // stdin stays open for FerretDB's lifetime: it exits when the pipe closes, so a killed launcher leaves no FerretDB.
  const child = spawn(binary, ['--listen', `127.0.0.1:${port}`, '--postgresql-url', postgres.url], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  try {
    await waitForPing(uri, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    await postgres.stop();
    throw new Error(`devdb did not start on port ${port}: ${(error as Error).message}\n${output.join('')}`);
  }

  return {
    uri,
    port,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await postgres.stop();
    },
  };
}

async function waitForPing(uri: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process exited with code ${child.exitCode}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.close();
    }
  }
  throw new Error(`no answer to ping within ${timeoutMs} ms (${String(lastError)})`);
}
