import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';

/**
 * Anyone who can send an invitation names an event, and Graph hands the name over as it is, NUL included. The
 * embedded database (PostgreSQL's jsonb) cannot hold U+0000: such a name failed its mailbox's backup on every run.
 * The catalog keeps U+FFFD in its place; the backup completes and the item is found.
 */
let harness: BackupHarness;

beforeAll(async () => {
  harness = await startBackupHarness({ generate: { users: 1, messagesPerUser: 3, filesPerUser: 0, seed: 41 } });
});
afterAll(() => harness.stop());

test('an event and a mail folder whose names hold NUL are backed up, their names read with U+FFFD', async () => {
  const control = harness.sim.control;
  const owner = control.listUsers()[0]!.id;
  control.addEvent(owner, {
    subject: 'Riunione\u0000riservata',
    start: '2026-03-02T09:00:00Z',
    end: '2026-03-02T10:00:00Z',
  });
  control.addMailFolder(owner, 'Archivio\u0000vecchio');

  await harness.backUpMailboxes('Notturno');

  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const found = await catalog.search({ words: ['riservata'] });
  expect(found.map((version) => version.name)).toEqual(['Riunione\uFFFDriservata']);
  const folders = await catalog.listFolders(`mailbox:${owner}`);
  expect(folders.map((folder) => folder.displayName)).toContain('Archivio\uFFFDvecchio');
});
