import type { BackupHarness } from '../backup/harness.js';
import { SelfServiceRestore, SelfServiceScopeError, type SelfServiceRequest } from '../../src/restore/index.js';
import { giulia, marco, subjects } from './fixture.js';
import {
  currentVersions,
  startBackedUpTenant,
  startRestoreWorker,
  waitForRestore,
  type RestoreWorker,
} from './restore-harness.js';

let harness: BackupHarness;
let worker: RestoreWorker;
let selfService: SelfServiceRestore;
let giuliaId: string;
let marcoId: string;
let giuliaDrive: string;

beforeAll(async () => {
  harness = await startBackedUpTenant();
  worker = await startRestoreWorker(harness, 'restore-self-service');
  selfService = new SelfServiceRestore(harness.database.db, worker.service);
  const users = harness.sim.control.listUsers();
  const g = users.find((user) => user.userPrincipalName === giulia)!;
  giuliaId = g.id;
  giuliaDrive = g.driveId;
  marcoId = users.find((user) => user.userPrincipalName === marco)!.id;
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

const asRequest = (selection: SelfServiceRequest['selection']): SelfServiceRequest => ({
  selection,
  target: { type: 'original' },
  conflictPolicy: 'keepBoth',
  language: 'it',
});

const noApproval = { oneDriveNeedsApproval: false };

test('a self-service user cannot reach another user’s items by version id, folder, resource, search or target', async () => {
  const giuliaMail = await currentVersions(harness, `mailbox:${giuliaId}`);
  const giuliaFiles = await currentVersions(harness, `onedrive:${giuliaDrive}`);
  const ids = [...giuliaMail, ...giuliaFiles].map((version) =>
    (version as unknown as { _id: { toHexString(): string } })._id.toHexString(),
  );
  const attempts: SelfServiceRequest['selection'][] = [
    { type: 'versions', versionIds: ids },
    { type: 'versions', versionIds: [ids[0]!] },
    { type: 'folder', resourceId: `mailbox:${giuliaId}`, containerId: giuliaMail[0]!.containerId },
    { type: 'resource', resourceId: `onedrive:${giuliaDrive}` },
    { type: 'search', words: ['preventivo'], resourceIds: [`mailbox:${giuliaId}`] },
    { type: 'search', words: ['preventivo'] },
  ];
  for (const selection of attempts) {
    await expect(
      selfService.restore(harness.tenantId, marcoId, asRequest(selection), noApproval),
    ).rejects.toBeInstanceOf(SelfServiceScopeError);
  }
  const intoGiulia = {
    ...asRequest({ type: 'resource', resourceId: `mailbox:${marcoId}` }),
    target: { type: 'otherUser', userId: giuliaId },
  };
  await expect(
    selfService.restore(harness.tenantId, marcoId, intoGiulia as unknown as SelfServiceRequest, noApproval),
  ).rejects.toBeInstanceOf(SelfServiceScopeError);
  await expect(
    selfService.browse(harness.tenantId, marcoId, `mailbox:${giuliaId}`, giuliaMail[0]!.containerId),
  ).rejects.toBeInstanceOf(SelfServiceScopeError);
  expect(await selfService.search(harness.tenantId, marcoId, ['preventivo'])).toEqual([]);
  expect((await selfService.search(harness.tenantId, giuliaId, ['preventivo'])).map((version) => version.name)).toEqual(
    [subjects.plain],
  );
  expect(await worker.service.list(harness.tenantId)).toEqual([]);
}, 60_000);

test('a self-service user restores their own items', async () => {
  const own = await selfService.restore(
    harness.tenantId,
    marcoId,
    asRequest({ type: 'resource', resourceId: `mailbox:${marcoId}` }),
    { oneDriveNeedsApproval: true },
  );
  const done = await waitForRestore(worker.service, harness.tenantId, own.restoreId);
  expect(done).toMatchObject({ status: 'completed', requestedBy: `self-service:${marcoId}` });
  expect(done.progress).toMatchObject({ total: 1, restored: 1, verified: 1 });
  const results = await worker.service.itemResults(harness.tenantId, own.restoreId);
  expect(results.every((item) => item.targetResource === `mailbox:${marcoId}`)).toBe(true);
}, 60_000);

test('a self-service OneDrive restore waits for an administrator when the tenant asks, and runs once approved', async () => {
  const waiting = await selfService.restore(
    harness.tenantId,
    giuliaId,
    { ...asRequest({ type: 'resource', resourceId: `onedrive:${giuliaDrive}` }), target: { type: 'newFolder' } },
    { oneDriveNeedsApproval: true },
  );
  expect(waiting).toMatchObject({ status: 'awaitingApproval', approval: { decision: 'pending' } });
  expect(await worker.service.get(harness.tenantId, waiting.restoreId)).toMatchObject({ status: 'awaitingApproval' });

  const approved = await worker.service.decide(harness.tenantId, waiting.restoreId, {
    approve: true,
    decidedBy: 'admin@contoso.example',
  });
  expect(approved).toMatchObject({ status: 'queued', approval: { decision: 'approved' } });
  expect(await worker.service.decide(harness.tenantId, waiting.restoreId, { approve: false, decidedBy: 'x' })).toBe(
    null,
  );
  const done = await waitForRestore(worker.service, harness.tenantId, waiting.restoreId);
  expect(done.status).toBe('completed');
  expect(done.progress.restored).toBeGreaterThan(0);
  expect(done.progress.verified).toBe(done.progress.restored);
}, 90_000);
