import { runUnitsCollection } from '../../src/backup/collections.js';
import { pendingUnit, type RunUnit, type UnitStatus } from '../../src/backup/model.js';
import { Catalog } from '../../src/catalog/index.js';
import { startSeededHarness, tenantA, type Harness, type TestPerson } from '../api/support/harness.js';

let api: Harness;
let admin: TestPerson;
const displayName = 'Posta di Giulia';

/** One backed-up mailbox, and one unit of a run over it, as the run engine records them. */
beforeAll(async () => {
  ({ api, admin } = await startSeededHarness('items_purge_busy'));
  await new Catalog(api.database.db, tenantA).upsertResources([
    {
      resourceId: 'mailbox:giulia',
      kind: 'mailbox',
      graphId: 'giulia',
      displayName,
    },
  ]);
  const unit: RunUnit = {
    ...pendingUnit(tenantA, 'run-1', {
      resourceId: 'mailbox:giulia',
      kind: 'mailbox',
      displayName,
      workloads: ['exchange'],
    }),
    status: 'running',
    attempts: 1,
    startedAt: new Date(),
  };
  await runUnitsCollection.scoped(api.database.db).insertOne(tenantA, unit);
}, 120_000);
afterAll(() => api.close());

async function unitIs(status: UnitStatus): Promise<void> {
  await runUnitsCollection.scoped(api.database.db).updateOne(tenantA, { runId: 'run-1' }, { $set: { status } });
}

async function deleteBackup(): Promise<{ status: number; code?: string }> {
  const answer = await api.call('DELETE', '/items/mailbox:giulia', {
    token: await api.token(admin),
    body: { confirm: displayName },
  });
  return { status: answer.status, code: (answer.body as { error?: { code: string } }).error?.code };
}

test('an account’s backup is not deleted while a run is backing it up, and is once the run is over', async () => {
  for (const status of ['pending', 'running'] as const) {
    await unitIs(status);
    expect(await deleteBackup()).toEqual({ status: 409, code: 'resource_busy' });
  }
  await unitIs('done');
  expect(await deleteBackup()).toEqual({ status: 200, code: undefined });
});
