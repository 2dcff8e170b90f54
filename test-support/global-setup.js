import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevDb } from '../tools/devdb/dist/index.js';

/**
 * One database server for the whole test run: the embedded devdb on a throwaway data
 * directory, or the server named by MONGODB_URI. Each test file uses its own database.
 */
export default async function globalSetup() {
  if (process.env.MONGODB_URI) return;
  const devDb = await startDevDb({ dataDir: mkdtempSync(join(tmpdir(), 'custodia-test-db-')) });
  process.env.MONGODB_URI = devDb.uri;
  globalThis.__custodiaDevDb = devDb;
}
