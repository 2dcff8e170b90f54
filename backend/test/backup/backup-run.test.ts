import { createHash } from 'node:crypto';
import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';

let harness: BackupHarness;
beforeAll(async () => {
  harness = await startBackupHarness({ tenant: 'demo' });
});
afterAll(() => harness?.stop());

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

test('a full backup of the demo tenant catalogs every message with the simulator’s exact MIME', async () => {
  const { run } = await harness.runJob({
    name: 'Nightly',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  expect(run.status).toBe('succeeded');
  expect(run.progress.resourcesDone).toBe(run.progress.resourcesTotal);
  expect(run.progress.items).toBeGreaterThan(0);

  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const control = harness.sim.control;
  let checked = 0;
  for (const user of control.listUsers()) {
    const current = await catalog.currentItems(`mailbox:${user.id}`);
    const byId = new Map(current.map((version) => [version.graphId, version]));
    for (const folder of control.listMailFolders(user.id)) {
      for (const message of control.listMessages(user.id, folder.id)) {
        const version = byId.get(message.id);
        expect(version).toBeDefined();
        expect(version!.content!.sha256).toBe(sha256(control.messageMime(user.id, message.id)));
        expect(version!.containerId).toBe(`mail:${folder.id}`);
        byId.delete(message.id);
        checked += 1;
      }
    }
    expect([...byId.keys()]).toEqual([]);
  }
  expect(checked).toBe(run.progress.items);
}, 180_000);
