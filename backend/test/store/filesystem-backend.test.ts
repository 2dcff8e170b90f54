import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesystemBackend } from '../../src/store/index.js';
import { contentStoreSuite } from './content-store-suite.js';

contentStoreSuite('the filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'custodia-store-'));
  return { backend: filesystemBackend(root), dispose: () => rm(root, { recursive: true, force: true }) };
});
