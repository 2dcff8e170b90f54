import type { TenantDefinition } from '@custodia/m365-simulator';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import {
  person,
  providerTenant,
  seedPortalUser,
  seedProviderOperator,
  seedTenant,
  type Harness,
  type TestPerson,
} from '../api/support/harness.js';
import { itemVersionsCollection } from '../../src/catalog/index.js';
import { eventsCollection } from '../../src/events.js';
import { runsCollection, runUnitsCollection } from '../../src/backup/collections.js';
import { tenantRecords } from '../../src/tenants/tenant-store.js';
import { activityEntries } from '../../src/audit/activity-store.js';
import { backupScheduleJobName } from '../../src/jobs-api/index.js';
import { startApiOnBackup } from '../api/support/api-on-backup.js';
import { pipelineFixture, type PipelineFixture } from '../run-end/pipeline-fixture.js';

const groupId = '6f1d2a4b-8c3e-4f5a-9b7d-1e2f3a4b5c6d';
const tenant: TenantDefinition = {
  displayName: 'Rossi Srl',
  domain: 'rossi.onmicrosoft.com',
  users: ['anna', 'bruno', 'carla'].map((handle, index) => ({
    userPrincipalName: `${handle}@rossi.onmicrosoft.com`,
    displayName: `${handle[0]!.toUpperCase()}${handle.slice(1)} Rossi`,
    mailbox: { generate: { messages: 4 + index, seed: index + 1 } },
  })),
  groups: [
    {
      id: groupId,
      displayName: 'Backup group',
      mailNickname: 'backup',
      members: ['anna@rossi.onmicrosoft.com', 'bruno@rossi.onmicrosoft.com'],
    },
  ],
};

let backup: BackupHarness;
let api: Harness;
let admin: TestPerson;
let operator: TestPerson;
let pipeline: PipelineFixture;

beforeAll(async () => {
  backup = await startBackupHarness({ tenant });
  api = await startApiOnBackup(backup);
  pipeline = pipelineFixture({
    db: backup.database.db,
    scheduler: backup.scheduler,
    events: backup.events,
    graphFor: async () => backup.gateway,
  });
  await seedTenant(api.services, backup.tenantId);
  admin = person(backup.tenantId, 'anna');
  await seedPortalUser(api.services, admin, 'tenant_admin');
  operator = person(providerTenant, 'paolo');
  await seedProviderOperator(api.services, operator);
});
afterAll(async () => {
  await api?.close();
  await backup?.stop();
});
afterEach(() => expect(pipeline.errors).toEqual([]));

const asAdmin = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  api.call(method, path, {
    token: await api.token(admin),
    ...(body !== undefined && { body }),
    ...(headers && { headers }),
  });

const setLicence = async (seats: number, storageBytes = 1_000_000_000) =>
  api.call('PUT', `/provider/tenants/${backup.tenantId}/licence`, {
    token: await api.token(operator),
    body: { plans: [{ profile: 'Gold', retentionYears: 1, workloads: ['exchange'], seats }], storageBytes },
  });

const jobInput = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  scope: { type: 'groups', groupIds: [groupId] },
  workloads: ['exchange'],
  dailyTime: '03:00',
  timeZone: 'Europe/Rome',
  retentionYears: 1,
  profile: 'Gold',
  confirm: true,
  ...overrides,
});

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

test('the Microsoft 365 groups are listed by name from the directory, and filtered by words', async () => {
  const all = await asAdmin('GET', '/directory/groups');
  expect(all.body).toEqual({
    items: [{ id: groupId, displayName: 'Backup group', mail: expect.any(String), description: null, hasTeam: false }],
    nextCursor: null,
  });
  expect((await asAdmin('GET', '/directory/groups?q=BACKUP')).body).toMatchObject({ items: [{ id: groupId }] });
  expect((await asAdmin('GET', '/directory/groups?q=nessuno')).body).toEqual({ items: [], nextCursor: null });
});

test('without licences a job is refused, with the reason in the caller’s language', async () => {
  const answer = await asAdmin('POST', '/jobs', jobInput('Notte'), { 'accept-language': 'it' });
  expect(answer.status).toBe(409);
  expect(errorOf(answer.body).code).toBe('licence_missing');
  expect(errorOf(answer.body).message).toContain('licenze');
});

test('a job that would protect more people than the seats is refused; a group that does not exist too', async () => {
  expect((await setLicence(2)).status).toBe(200);
  const organisation = await asAdmin('POST', '/jobs', jobInput('Tutti', { scope: { type: 'organisation' } }), {
    'accept-language': 'en',
  });
  expect(organisation.status).toBe(409);
  expect(errorOf(organisation.body)).toMatchObject({ code: 'licence_seats_exceeded' });
  expect(errorOf(organisation.body).message).toContain('3 people');
  const missingGroup = await asAdmin(
    'POST',
    '/jobs',
    jobInput('Gruppo', { scope: { type: 'groups', groupIds: ['0b9a3e62-4d0e-4a8e-9a55-000000000000'] } }),
  );
  expect(missingGroup.status).toBe(400);
  expect(errorOf(missingGroup.body).code).toBe('group_not_found');
  const wrongProfile = await asAdmin('POST', '/jobs', jobInput('Bronzo', { profile: 'Bronze' }));
  expect(errorOf(wrongProfile.body).code).toBe('licence_plan_missing');
});

test('a job includes only the services ticked at setup: the tenant says which, and a job naming another is refused by name', async () => {
  const records = tenantRecords.scoped(backup.database.db);
  const seeded = await records.findOne(backup.tenantId, {});
  await records.updateOne(backup.tenantId, {}, { $set: { 'setup.workloads': ['exchange'] } });
  try {
    const tenant = (await asAdmin('GET', '/tenant')).body as { setup: { backupWorkloads: string[] } };
    expect(tenant.setup.backupWorkloads).toEqual(['exchange']);
    for (const [language, page] of [
      ['it', 'Setup del tenant'],
      ['en', 'Tenant setup'],
    ] as const) {
      const refused = await asAdmin(
        'POST',
        '/jobs',
        jobInput('Documenti', { workloads: ['exchange', 'onedrive', 'sharepoint'] }),
        { 'accept-language': language },
      );
      expect(refused.status).toBe(409);
      expect(errorOf(refused.body).code).toBe('workloads_not_in_setup');
      expect(errorOf(refused.body).message).toContain(`: OneDrive, SharePoint.`);
      expect(errorOf(refused.body).message).toContain(page);
    }
  } finally {
    await records.updateOne(backup.tenantId, {}, { $set: { 'setup.workloads': seeded!.setup.workloads! } });
  }
});

test('a job due one minute from now gets an Agenda schedule for that instant; editing moves it, deleting removes it', async () => {
  const timeZone = 'America/New_York';
  const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
  const dailyTime = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(due);
  const created = await asAdmin('POST', '/jobs', jobInput('Presto', { dailyTime, timeZone }));
  expect(created.status).toBe(201);
  const job = created.body as { id: string; status: string; nextRunAt: string };
  expect(job).toMatchObject({ status: 'stopped', nextRunAt: due.toISOString() });

  const schedules = async () =>
    (await backup.scheduler.agenda.queryJobs({ name: backupScheduleJobName, data: { jobId: job.id } })).jobs;
  const [schedule] = await schedules();
  expect(schedule?.nextRunAt && new Date(schedule.nextRunAt).toISOString()).toBe(due.toISOString());
  expect(schedule?.repeatTimezone).toBe(timeZone);

  const duplicate = await asAdmin('POST', '/jobs', jobInput('Presto', { dailyTime: '05:00' }));
  expect(errorOf(duplicate.body).code).toBe('already_exists');

  const edited = await asAdmin('PATCH', `/jobs/${job.id}`, { dailyTime: '04:30', timeZone: 'Europe/Rome' });
  expect(edited.status).toBe(200);
  const next = new Date((edited.body as { nextRunAt: string }).nextRunAt);
  expect(next.getTime()).toBeGreaterThan(Date.now());
  expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
  expect(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(next),
  ).toBe('04:30');
  expect(await schedules()).toHaveLength(1);

  const unconfirmed = await asAdmin('DELETE', `/jobs/${job.id}`, { confirm: 'presto' });
  expect(errorOf(unconfirmed.body).code).toBe('confirmation_mismatch');
  expect((await asAdmin('DELETE', `/jobs/${job.id}`, { confirm: 'Presto' })).status).toBe(200);
  expect(await schedules()).toHaveLength(0);
  expect((await asAdmin('GET', `/jobs/${job.id}`)).status).toBe(404);
});

async function waitForJobEnd(jobId: string): Promise<{ status: string; lastRun: { id: string } }> {
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const answer = await asAdmin('GET', `/jobs/${jobId}`);
    const view = answer.body as { status: string; lastRun: { id: string } };
    if (view.status !== 'running' && view.status !== 'stopped') return view;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the run did not finish in 25 s');
}

describe('run now, job log, items and licence consumption', () => {
  let jobId: string;
  let runId: string;
  const members = () => backup.sim.control.listUsers().filter((user) => /^(anna|bruno)@/.test(user.userPrincipalName));

  test('"Run this job" runs the real engine and the job reaches Succeeded through the API', async () => {
    const created = await asAdmin('POST', '/jobs', jobInput('Posta'));
    expect(created.status).toBe(201);
    jobId = (created.body as { id: string }).id;
    const started = await asAdmin('POST', `/jobs/${jobId}/runs`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ jobId, status: 'queued', trigger: 'manual', requestedBy: admin.email });
    const view = await waitForJobEnd(jobId);
    expect(view.status).toBe('succeeded');
    // What follows the run (coverage, licence check) happens where the pipeline runs: here, now.
    expect(await pipeline.consumer.pass()).toEqual({ handled: 1, failed: 0 });
    runId = view.lastRun.id;
    expect(runId).toBe((started.body as { id: string }).id);
    // The entry the bot's "run now" writes too (both through requestRun).
    const requested = await activityEntries
      .scoped(backup.database.db)
      .find(backup.tenantId, { action: 'backup_job.run_requested' })
      .toArray();
    expect(requested).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ kind: 'person', email: admin.email, role: 'tenant_admin' }),
        target: { type: 'backup_job', id: jobId, label: 'Posta' },
        details: { runId },
      }),
    ]);
  });

  test('"Run this job" is refused while the tenant setup is unfinished, and starts nothing', async () => {
    const { db } = backup.database;
    const setup = (await tenantRecords.scoped(db).findOne(backup.tenantId, {}))?.setup;
    await tenantRecords.scoped(db).updateOne(backup.tenantId, {}, { $set: { setup: {} } });
    try {
      const refused = await asAdmin('POST', `/jobs/${jobId}/runs`);
      expect(refused.status).toBe(409);
      expect(errorOf(refused.body).code).toBe('tenant_setup_incomplete');
      expect(await runsCollection.scoped(db).countDocuments(backup.tenantId, { jobId })).toBe(1);
    } finally {
      await tenantRecords.scoped(db).updateOne(backup.tenantId, {}, { $set: { setup: setup ?? {} } });
    }
  });

  test('the job log lists the run and tells its outcome per account with item counts', async () => {
    const list = await asAdmin('GET', `/runs?jobId=${jobId}&status=succeeded`);
    expect((list.body as { items: { id: string }[] }).items.map((run) => run.id)).toEqual([runId]);
    const none = await asAdmin('GET', `/runs?jobId=${jobId}&status=failed`);
    expect((none.body as { items: unknown[] }).items).toEqual([]);
    const detail = (await asAdmin('GET', `/runs/${runId}`)).body as {
      summary: { it: string; en: string };
      resources: { displayName: string; status: string; items: number }[];
    };
    const expected = members().map((user) => ({
      displayName: user.displayName,
      status: 'done',
      items: backup.sim.control
        .listMailFolders(user.id)
        .reduce((sum, folder) => sum + backup.sim.control.listMessages(user.id, folder.id).length, 0),
    }));
    expect(detail.resources.map(({ displayName, status, items }) => ({ displayName, status, items }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(detail.resources).toHaveLength(2);
    expect(detail.summary.it).toContain('Backup completato correttamente');
    expect(detail.summary.en).toContain('2 of 2 accounts backed up');
    expect(detail.summary.it).toMatch(/ 2 account salvati su 2, \d+ elementi, 0 avvisi, 0 account non salvati\.$/);
  });

  test('the job log keeps the runs queued from `from` and before `to`', async () => {
    const idsOf = async (window: string) =>
      ((await asAdmin('GET', `/runs?jobId=${jobId}&${window}`)).body as { items: { id: string }[] }).items.map(
        (run) => run.id,
      );
    const [run] = ((await asAdmin('GET', `/runs?jobId=${jobId}`)).body as { items: { queuedAt: string }[] }).items;
    const queued = new Date(run!.queuedAt);
    const after = new Date(queued.getTime() + 1).toISOString();
    expect(await idsOf(`from=${queued.toISOString()}&to=${after}`)).toEqual([runId]);
    expect(await idsOf(`from=${after}`)).toEqual([]);
    expect(await idsOf(`to=${queued.toISOString()}`)).toEqual([]);
  });

  test('job-log warnings are written in both languages from their code, so the portal switches without a reload; older ones as they were recorded', async () => {
    const units = runUnitsCollection.scoped(backup.database.db);
    const [unit] = await units.find(backup.tenantId, { runId }).toArray();
    const recorded = [
      {
        message: 'could not read m1: gone',
        itemId: 'm1',
        notice: { code: 'item_unreadable', params: { itemId: 'm1', reason: 'gone' } },
      },
      { message: 'an entry recorded before warnings had codes' },
      { message: 'a code this version does not know', notice: { code: 'from_the_future', params: {} } },
    ];
    await units.updateOne(backup.tenantId, { runId, resourceId: unit!.resourceId }, { $set: { warnings: recorded } });
    try {
      const detail = (await asAdmin('GET', `/runs/${runId}`)).body as {
        resources: { resourceId: string; warnings: { message: { it: string; en: string }; itemId?: string }[] }[];
      };
      expect(detail.resources.find((resource) => resource.resourceId === unit!.resourceId)!.warnings).toEqual([
        { message: { it: 'impossibile leggere m1: gone', en: 'could not read m1: gone' }, itemId: 'm1' },
        {
          message: {
            it: 'an entry recorded before warnings had codes',
            en: 'an entry recorded before warnings had codes',
          },
        },
        { message: { it: 'a code this version does not know', en: 'a code this version does not know' } },
      ]);
    } finally {
      await units.updateOne(backup.tenantId, { runId, resourceId: unit!.resourceId }, { $set: { warnings: [] } });
    }
  });

  test('items show each account with the job covering it and the bytes its current versions hold', async () => {
    const items = (
      (await asAdmin('GET', '/items?kind=mailbox')).body as {
        items: { id: string; protected: boolean; jobs: { name: string }[]; storedBytes: number }[];
      }
    ).items;
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item).toMatchObject({ protected: true, jobs: [{ name: 'Posta' }] });
      const versions = await itemVersionsCollection
        .scoped(backup.database.db)
        .find(backup.tenantId, { resourceId: item.id, validTo: null })
        .toArray();
      expect(item.storedBytes).toBe(versions.reduce((sum, version) => sum + version.size, 0));
      expect(item.storedBytes).toBeGreaterThan(0);
    }
    const licence = (await asAdmin('GET', '/licence')).body as {
      plans: { used: number; seats: number }[];
      overrun: boolean;
    };
    expect(licence).toMatchObject({ plans: [{ used: 2, seats: 2 }], overrun: false });
  });

  test('lowering the seats below use is an overrun: licence.overrun with the FAQ’s remedies, and new jobs are refused', async () => {
    const answer = await setLicence(1);
    expect(answer.body).toMatchObject({ overrun: true, plans: [{ used: 2, seats: 1 }] });
    expect((answer.body as { remedies: unknown[] }).remedies).toHaveLength(3);
    const events = await eventsCollection
      .scoped(backup.database.db)
      .find(backup.tenantId, { type: 'licence.overrun' })
      .toArray();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ plans: [{ profile: 'Gold', seats: 1, used: 2 }] });
    const refused = await asAdmin('POST', '/jobs', jobInput('Ancora'));
    expect(errorOf(refused.body).code).toBe('licence_seats_exceeded');
    await setLicence(2);
  });

  test('"Delete backup" purges an account’s versions after a typed confirmation, and is audited', async () => {
    const anna = members().find((user) => user.userPrincipalName.startsWith('anna'))!;
    const resourceId = `mailbox:${anna.id}`;
    const path = `/items/${encodeURIComponent(resourceId)}`;
    const wrong = await asAdmin('DELETE', path, { confirm: 'anna' });
    expect(errorOf(wrong.body).code).toBe('confirmation_mismatch');
    const purged = await asAdmin('DELETE', path, { confirm: anna.displayName });
    expect(purged.status).toBe(200);
    expect((purged.body as { itemVersions: number }).itemVersions).toBeGreaterThan(0);
    expect(
      await itemVersionsCollection.scoped(backup.database.db).countDocuments(backup.tenantId, { resourceId }),
    ).toBe(0);
    const items = ((await asAdmin('GET', '/items')).body as { items: { id: string }[] }).items;
    expect(items.map((item) => item.id)).not.toContain(resourceId);
    const audit = await activityEntries
      .scoped(backup.database.db)
      .findOne(backup.tenantId, { action: 'backup_data.deleted' });
    expect(audit?.target).toMatchObject({ id: resourceId, label: anna.displayName });
  });
});
