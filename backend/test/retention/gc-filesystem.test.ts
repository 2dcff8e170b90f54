import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesystemBackend } from '../../src/store/index.js';
import { garbageCollectionSuite } from './gc-suite.js';

garbageCollectionSuite('the filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'custodia-gc-'));
  return { backend: filesystemBackend(root), dispose: () => rm(root, { recursive: true, force: true }) };
});
