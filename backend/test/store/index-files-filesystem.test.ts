import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesystemBackend } from '../../src/store/index.js';
import { indexFilesSuite } from './index-files-suite.js';

indexFilesSuite('the filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'custodia-index-'));
  return { backend: filesystemBackend(root), dispose: () => rm(root, { recursive: true, force: true }) };
});
