import type { TenantDefinition } from '@custodia/m365-simulator';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { person, seedPortalUser, type Harness, type TestPerson } from './support/harness.js';
import { itemVersionsCollection } from '../../src/catalog/index.js';
import { onboardWithProvider, restoreApiOn, startApiOnBackup } from './support/api-on-backup.js';
import { startRestoreWorker, type RestoreWorker } from '../restore/restore-harness.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The customer guide's FAQ: a person invited as operator ("Operatore", the role an invitation proposes) creates
 * and runs backup jobs, checks their status and the licence use, and does not restore as an administrator.
 */
const tenant: TenantDefinition = {
  displayName: 'Verdi Srl',
  domain: 'verdi.onmicrosoft.com',
  users: ['anna', 'bruno'].map((handle, index) => ({
    userPrincipalName: `${handle}@verdi.onmicrosoft.com`,
    displayName: `${handle[0]!.toUpperCase()}${handle.slice(1)} Verdi`,
    mailbox: { generate: { messages: 3, seed: index + 7 } },
  })),
};

const exportsDir = mkdtempSync(join(tmpdir(), 'custodia-operator-exports-'));
let backup: BackupHarness;
let worker: RestoreWorker;
let api: Harness;
let operator: TestPerson;
let restoreOperator: TestPerson;

beforeAll(async () => {
  backup = await startBackupHarness({ tenant });
  worker = await startRestoreWorker(backup, 'operator-role');
  api = await startApiOnBackup(backup, restoreApiOn(backup, worker, exportsDir));
  const provider = await onboardWithProvider(api, backup);
  operator = person(backup.tenantId, 'olga');
  restoreOperator = person(backup.tenantId, 'rita');
  await seedPortalUser(api.services, operator, 'operator');
  await seedPortalUser(api.services, restoreOperator, 'restore_operator');
  await api.call('PUT', `/provider/tenants/${backup.tenantId}/licence`, {
    token: await api.token(provider),
    body: {
      plans: [{ profile: 'Gold', retentionYears: 1, workloads: ['exchange'], seats: 10 }],
      storageBytes: 1_000_000_000,
    },
  });
});
afterAll(async () => {
  await worker?.stop();
  await api?.close();
  await backup?.stop();
  rmSync(exportsDir, { recursive: true, force: true });
});

const as = async (who: TestPerson, method: string, path: string, body?: unknown, language = 'it') =>
  api.call(method, path, {
    token: await api.token(who),
    headers: { 'accept-language': language },
    ...(body !== undefined && { body }),
  });

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

async function waitForJobEnd(jobId: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const view = (await as(operator, 'GET', `/jobs/${jobId}`)).body as { status: string };
    if (view.status !== 'running' && view.status !== 'stopped') return view.status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the run did not finish in 60 s');
}

let annaMailbox: string;
let annaVersion: string;

test('the operator creates a job, runs it, and reads its status, its log and the licence use', async () => {
  const created = await as(operator, 'POST', '/jobs', {
    name: 'Posta di tutti',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '23:00',
    timeZone: 'Europe/Rome',
    retentionYears: 1,
    profile: 'Gold',
    confirm: true,
  });
  expect(created.status).toBe(201);
  const jobId = (created.body as { id: string }).id;
  expect((await as(operator, 'POST', `/jobs/${jobId}/runs`)).status).toBe(202);
  expect(await waitForJobEnd(jobId)).toBe('succeeded');
  const runs = await as(operator, 'GET', `/runs?jobId=${jobId}`);
  expect(runs.status).toBe(200);
  expect((runs.body as { items: unknown[] }).items).toHaveLength(1);
  const licence = await as(operator, 'GET', '/licence');
  expect(licence.status).toBe(200);
  expect(licence.body).toMatchObject({ overrun: false, storage: { purchasedBytes: 1_000_000_000 } });
  expect((licence.body as { storage: { usedBytes: number } }).storage.usedBytes).toBeGreaterThan(0);

  const anna = backup.sim.control.listUsers().find((user) => user.userPrincipalName.startsWith('anna@'))!;
  annaMailbox = `mailbox:${anna.id}`;
  const version = await itemVersionsCollection
    .raw(backup.database.db)
    .findOne({ tenantId: backup.tenantId, resourceId: annaMailbox, validTo: null });
  annaVersion = version!._id.toHexString();
}, 90_000);

describe('the operator does not restore as an administrator', () => {
  const refusals = () => {
    const bruno = backup.sim.control.listUsers().find((user) => user.userPrincipalName.startsWith('bruno@'))!;
    const selection = { type: 'versions', versionIds: [annaVersion] };
    return [
      ['browse another account', 'GET', `/backups/resources/${encodeURIComponent(annaMailbox)}/folders`, undefined],
      ['search the backups', 'GET', '/backups/search?q=a', undefined],
      [
        'restore another account in place',
        'POST',
        '/restores',
        { selection, target: { type: 'original' }, conflictPolicy: 'keepBoth' },
      ],
      [
        'send another account’s mail to someone else’s mailbox',
        'POST',
        '/restores',
        { selection, target: { type: 'otherUser', userId: bruno.id }, conflictPolicy: 'keepBoth' },
      ],
      ['export another account as a ZIP', 'POST', '/exports/zip', { selection }],
      ['export another account in the background', 'POST', '/exports', { selection }],
      ['see the approval queue', 'GET', '/approvals', undefined],
    ] as const;
  };

  test('each restore, export and approval route answers 403 restore_not_permitted, in Italian and English', async () => {
    for (const [what, method, path, body] of refusals()) {
      for (const language of ['it', 'en'] as const) {
        const answer = await as(operator, method, path, body, language);
        expect({ what, status: answer.status, code: errorOf(answer.body).code }).toEqual({
          what,
          status: 403,
          code: 'restore_not_permitted',
        });
        expect(errorOf(answer.body).message).toBe(
          language === 'it'
            ? 'Il restore, l’export e l’approvazione dei restore dei dati degli account spettano agli amministratori del tenant e agli operatori di restore: il tuo ruolo non li permette. I tuoi dati puoi ripristinarli da «I miei backup».'
            : 'Restoring and exporting accounts’ data, and approving restores, is for tenant administrators and restore operators: your role does not allow it. You can restore your own data from “My backups”.',
        );
      }
    }
  });

  test('nothing was restored or exported, and the restore operator may do what the operator may not', async () => {
    expect((await as(operator, 'GET', '/restores')).body).toMatchObject({ items: [] });
    const selection = { type: 'versions', versionIds: [annaVersion] };
    const restore = await as(restoreOperator, 'POST', '/restores', {
      selection,
      target: { type: 'newFolder' },
      conflictPolicy: 'keepBoth',
    });
    expect(restore.status).toBe(202);
    const zip = await as(restoreOperator, 'POST', '/exports/zip', { selection });
    expect(zip.status).toBe(200);
    // The operator still follows the restores of the tenant: the list, not their items.
    expect((await as(operator, 'GET', '/restores')).body).toMatchObject({ items: [expect.anything()] });
  });
});
