import { mintUserToken, type UserSummary } from '@custodia/m365-simulator';
import { ApiError } from '../../src/api/index.js';
import { resourcesCollection } from '../../src/catalog/index.js';
import { OnBehalfOfGraph } from '../../src/graph/index.js';
import { ExportService } from '../../src/restore/index.js';
import { createRestoreApiServices, GraphDelegatedOwnership } from '../../src/restore-api/index.js';
import { writeSettings } from '../../src/settings/settings-store.js';
import type { BackupHarness } from '../backup/harness.js';
import { seedTenant, simulatorIdentity, startHarness, type Harness } from '../api/support/harness.js';
import { giulia, marco } from '../restore/fixture.js';
import { startBackedUpTenant, startRestoreWorker, type RestoreWorker } from '../restore/restore-harness.js';

/**
 * "My backups" asks Microsoft 365 itself, with the person's delegated access (on-behalf-of their SSO token), to
 * confirm that the mailbox and OneDrive are theirs before anything is restored or exported.
 */
let backup: BackupHarness;
let worker: RestoreWorker;
let api: Harness;
let ownership: GraphDelegatedOwnership;
let giuliaUser: UserSummary;
let marcoUser: UserSummary;

beforeAll(async () => {
  backup = await startBackedUpTenant();
  worker = await startRestoreWorker(backup, 'restore-obo');
  const { sim } = backup;
  ownership = new GraphDelegatedOwnership(
    new OnBehalfOfGraph((tenantId) => ({
      tenantId,
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
      ...sim.app,
    })),
  );
  const exports = new ExportService({
    db: backup.database.db,
    scheduler: worker.scheduler,
    store: backup.store,
    directory: '/tmp',
  });
  api = await startHarness({
    database: backup.database,
    identity: simulatorIdentity(sim),
    restore: (db) => createRestoreApiServices({ db, restores: worker.service, exports, ownership }),
  });
  await seedTenant(api.services, sim.tenantId);
  await writeSettings(backup.database.db, sim.tenantId, { selfServiceRestore: true }, new Date());
  const users = sim.control.listUsers();
  giuliaUser = users.find((user) => user.userPrincipalName === giulia)!;
  marcoUser = users.find((user) => user.userPrincipalName === marco)!;
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await api?.close();
  await backup?.stop();
});

test('a person restores their own mailbox once Microsoft 365 confirms, with their delegated access, that it is theirs', async () => {
  const answer = await api.call('POST', '/me/restores', {
    token: await mintUserToken(backup.sim, giuliaUser),
    body: {
      selection: { type: 'resource', resourceId: `mailbox:${giuliaUser.id}` },
      target: { type: 'newFolder' },
      conflictPolicy: 'keepBoth',
    },
  });
  expect(answer.status).toBe(202);
});

test('Microsoft 365 refuses a person another’s mailbox or OneDrive even if our own scoping were bypassed', async () => {
  const resources = resourcesCollection.scoped(backup.database.db);
  const marcoMailbox = (await resources.findOne(backup.tenantId, { resourceId: `mailbox:${marcoUser.id}` }))!;
  const marcoDrive = (await resources.findOne(backup.tenantId, { resourceId: `onedrive:${marcoUser.driveId}` }))!;
  const giuliaToken = await mintUserToken(backup.sim, giuliaUser);
  for (const resource of [marcoMailbox, marcoDrive]) {
    const refusal = await ownership.confirm(backup.tenantId, giuliaToken, giuliaUser.id, [resource]).catch((e) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('not_yours');
  }
  const pretending = await ownership
    .confirm(backup.tenantId, giuliaToken, marcoUser.id, [marcoMailbox])
    .catch((e) => e);
  expect((pretending as ApiError).code).toBe('not_yours');
});

test('an expired sign-in cannot be exchanged: the person is told to sign in again', async () => {
  const expired = await mintUserToken(backup.sim, giuliaUser, { expiresInSeconds: -300 });
  const resource = (await resourcesCollection
    .scoped(backup.database.db)
    .findOne(backup.tenantId, { resourceId: `mailbox:${giuliaUser.id}` }))!;
  const refusal = await ownership.confirm(backup.tenantId, expired, giuliaUser.id, [resource]).catch((e) => e);
  expect({ status: (refusal as ApiError).status, code: (refusal as ApiError).code }).toEqual({
    status: 502,
    code: 'delegated_access_failed',
  });
});
