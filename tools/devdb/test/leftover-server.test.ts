import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { startDevDb } from '../src/index.js';

/** FerretDB processes whose PostgreSQL URL names this port. */
function ferretDbProcessesOf(postgresPort: number): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })
    .filter((command) => command.includes('--postgresql-url') && command.includes(`:${postgresPort}/`));
}

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the launcher left a FerretDB process running');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const launcher = resolve(import.meta.dirname, '..', 'dist', 'index.js');

test('a start after a launcher was killed stops the PostgreSQL it left behind and serves the same data', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'devdb-leftover-'));
  const script = `
    import { startDevDb } from ${JSON.stringify(launcher)};
    import { MongoClient } from 'mongodb';
    const db = await startDevDb({ dataDir: ${JSON.stringify(dataDir)} });
    const client = await MongoClient.connect(db.uri);
    await client.db('custodia').collection('notes').insertOne({ _id: 'n1', text: 'Backup notturno' });
    await client.close();
    console.log('ready');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: resolve(import.meta.dirname, '..'),
  });
  await new Promise<void>((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    child.once('exit', (code) => failed(new Error(`the launcher exited with ${code}`)));
  });
  child.kill('SIGKILL');
  const [leftover, , , postgresPort] = readFileSync(join(dataDir, 'postgresql', 'postmaster.pid'), 'utf8').split('\n');
  await waitUntil(() => ferretDbProcessesOf(Number(postgresPort)).length === 0);

  const second = await startDevDb({ dataDir });
  const reader = await MongoClient.connect(second.uri);
  try {
    expect(
      (
        await reader
          .db('custodia')
          .collection('notes')
          .findOne({ _id: 'n1' as never })
      )?.text,
    ).toBe('Backup notturno');
    expect(() => process.kill(Number(leftover), 0)).toThrow();
  } finally {
    await reader.close();
    await second.stop();
  }
}, 120_000);
