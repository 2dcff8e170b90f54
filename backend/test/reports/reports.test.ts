import type { TenantDefinition } from '@custodia/m365-simulator';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { person, seedPortalUser, seedTenant, tenantB, type Harness, type TestPerson } from '../api/support/harness.js';
import { backupJobsCollection } from '../../src/backup/collections.js';
import { storedBytesOfTenant } from '../../src/licences/stored-bytes.js';
import { startApiOnBackup } from '../api/support/api-on-backup.js';
import { writeLicence } from '../../src/licences/index.js';
import { takeUsageSnapshot, UsageReports, usageSnapshots, type UsageSnapshot } from '../../src/reports/index.js';
import { pipelineFixture, type PipelineFixture } from '../run-end/pipeline-fixture.js';

const groupId = '7a2e3b5c-9d4f-4a6b-8c8e-2f3a4b5c6d7e';
const tenant: TenantDefinition = {
  displayName: 'Verdi Spa',
  domain: 'verdi.onmicrosoft.com',
  users: ['anna', 'bruno', 'carla'].map((handle, index) => ({
    userPrincipalName: `${handle}@verdi.onmicrosoft.com`,
    displayName: `${handle[0]!.toUpperCase()}${handle.slice(1)} Verdi`,
    mailbox: { generate: { messages: 3 + index, seed: index + 7 } },
  })),
  groups: [
    {
      id: groupId,
      displayName: 'Amministrazione',
      mailNickname: 'amministrazione',
      members: ['anna@verdi.onmicrosoft.com', 'bruno@verdi.onmicrosoft.com'],
    },
  ],
  teams: [{ group: 'amministrazione', channels: [{ displayName: 'General' }] }],
};

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

let backup: BackupHarness;
let api: Harness;
let admin: TestPerson;
let reports: UsageReports;
let pipeline: PipelineFixture;
const listenerErrors: unknown[] = [];

async function waitForSnapshot(tenantId: string, day: string, ready: (point: UsageSnapshot) => boolean) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const point = await usageSnapshots.scoped(backup.database.db).findById(tenantId, `${tenantId}|${day}`);
    if (point && ready(point)) return point;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no snapshot of ${day} for ${tenantId}`);
}

beforeAll(async () => {
  backup = await startBackupHarness({ tenant });
  const graphFor = async () => backup.gateway;
  api = await startApiOnBackup(backup);
  pipeline = pipelineFixture({
    db: backup.database.db,
    scheduler: backup.scheduler,
    events: backup.events,
    graphFor,
  });
  reports = pipeline.reports;
  await seedTenant(api.services, backup.tenantId);
  await seedTenant(api.services, tenantB);
  admin = person(backup.tenantId, 'anna');
  await seedPortalUser(api.services, admin, 'tenant_admin');
  await writeLicence(
    backup.database.db,
    backup.tenantId,
    { plans: [{ profile: 'Gold', retentionYears: 1, workloads: ['exchange'], seats: 5 }], storageBytes: 1_000_000_000 },
    'fixture',
    new Date(),
  );
  await backup.runJob({
    name: 'Amministrazione',
    scope: { type: 'groups', groupIds: [groupId] },
    workloads: ['exchange'],
    dailyTime: '02:00',
    timeZone: 'Europe/Rome',
    retentionYears: 1,
    profile: 'Gold',
  });
  // The end-of-run pipeline takes the day's point; a process runs its passes on a beat, the test now.
  await pipeline.consumer.pass();
});
afterAll(async () => {
  await api?.close();
  await backup?.stop();
});
afterEach(() => expect([...listenerErrors, ...pipeline.errors]).toEqual([]));

const asAdmin = async (path: string) => api.call('GET', path, { token: await api.token(admin) });

test('the end of a run writes today’s point: seats of the plan, protected people, stored bytes, items and the run', async () => {
  const point = await waitForSnapshot(backup.tenantId, today(), (snapshot) => snapshot.runs.succeeded === 1);
  const storedBytes = await storedBytesOfTenant(backup.database.db, backup.tenantId);
  expect(storedBytes).toBeGreaterThan(0);
  expect(point).toMatchObject({
    plans: [{ profile: 'Gold', retentionYears: 1, seats: 5, used: 2 }],
    protectedPeople: 2,
    protectedResources: 2,
    // Carla and the team Amministrazione: the job covers the group's two mailboxes only.
    unprotectedAccounts: 2,
    storedBytes,
    purchasedBytes: 1_000_000_000,
    // Anna's and Bruno's generated messages.
    itemsStored: 3 + 4,
    runs: { succeeded: 1, warning: 0, failed: 0 },
  });
});

test('taking the day’s snapshot again replaces the day’s point instead of adding one', async () => {
  await waitForSnapshot(backup.tenantId, today(), (snapshot) => snapshot.runs.succeeded === 1);
  const before = await usageSnapshots.scoped(backup.database.db).countDocuments(backup.tenantId);
  await reports.snapshot(backup.tenantId);
  expect(await usageSnapshots.scoped(backup.database.db).countDocuments(backup.tenantId)).toBe(before);
  const answer = await asAdmin(`/reports/usage?from=${today()}&to=${today()}`);
  expect(answer.status).toBe(200);
  expect((answer.body as { points: unknown[] }).points).toHaveLength(1);
});

test('points of past days make a history, oldest first, within the asked range', async () => {
  for (const days of [3, 2, 1]) {
    const past = new UsageReports({
      db: backup.database.db,
      scheduler: backup.scheduler,
      clock: () => daysAgo(days),
      onError: (error) => listenerErrors.push(error),
    });
    await past.snapshot(backup.tenantId);
  }
  const from = daysAgo(3).toISOString().slice(0, 10);
  const answer = await asAdmin(`/reports/usage?from=${from}&to=${today()}`);
  expect(answer.status).toBe(200);
  const body = answer.body as { from: string; to: string; points: { day: string; runs: { succeeded: number } }[] };
  expect(body.points.map((point) => point.day)).toEqual(
    [3, 2, 1, 0].map((days) => daysAgo(days).toISOString().slice(0, 10)),
  );
  // The run ended today: the past days count no run of their own.
  expect(body.points.map((point) => point.runs.succeeded)).toEqual([0, 0, 0, 1]);
  const narrower = await asAdmin(`/reports/usage?from=${from}&to=${daysAgo(2).toISOString().slice(0, 10)}`);
  expect((narrower.body as { points: unknown[] }).points).toHaveLength(2);
  const byDefault = (await asAdmin('/reports/usage')).body as { from: string; to: string; points: unknown[] };
  expect(byDefault).toMatchObject({ from: daysAgo(89).toISOString().slice(0, 10), to: today() });
  expect(byDefault.points).toHaveLength(4);
});

test('a range over 400 days, or reversed, is refused', async () => {
  const tooLong = await asAdmin(`/reports/usage?from=2024-01-01&to=2025-03-01`);
  expect(tooLong.status).toBe(400);
  expect((await asAdmin(`/reports/usage?from=2025-03-02&to=2025-03-01`)).status).toBe(400);
  expect((await asAdmin(`/reports/usage?from=2025-03-01&to=2026-04-04`)).status).toBe(200);
});

test('coverage counts the simulator’s users and teams, lists the unprotected ones, and flags a job idle for 48 hours', async () => {
  const idle = await backup.jobs.create(
    backup.tenantId,
    {
      name: 'Ferma',
      scope: { type: 'groups', groupIds: [groupId] },
      workloads: ['exchange'],
      dailyTime: '04:00',
      timeZone: 'Europe/Rome',
      retentionYears: 1,
      profile: 'Gold',
    },
    'admin@test',
  );
  // A job created three days ago that never ran, as an administrator would have left it.
  await backupJobsCollection
    .scoped(backup.database.db)
    .updateOne(backup.tenantId, { jobId: idle.jobId }, { $set: { createdAt: daysAgo(3) } });
  const answer = await asAdmin('/reports/coverage');
  expect(answer.status).toBe(200);
  const teams = backup.sim.control.listTeams();
  expect(answer.body).toMatchObject({
    kinds: [
      { kind: 'user', protected: 2, unprotected: tenant.users!.length - 2 },
      { kind: 'team', protected: 0, unprotected: teams.length },
    ],
    unprotected: [
      { kind: 'team', id: groupId, displayName: 'Amministrazione' },
      { kind: 'user', displayName: 'Carla Verdi', email: 'carla@verdi.onmicrosoft.com' },
    ],
    // The job that ran today is not stale; the one that never ran in three days is.
    staleJobs: [{ id: idle.jobId, name: 'Ferma', lastSuccessAt: null, lastStatus: null }],
  });
  await backup.jobs.delete(backup.tenantId, idle.jobId);
});

test('a tenant sees only its own points', async () => {
  await takeUsageSnapshot(backup.database.db, tenantB, { now: new Date() });
  const other = person(tenantB, 'bruno');
  await seedPortalUser(api.services, other, 'viewer');
  const theirs = await api.call('GET', '/reports/usage', { token: await api.token(other) });
  expect(theirs.status).toBe(200);
  const points = (theirs.body as { points: { storedBytes: number; protectedPeople: number }[] }).points;
  expect(points).toEqual([expect.objectContaining({ storedBytes: 0, protectedPeople: 0 })]);
  const ours = (await asAdmin('/reports/usage')).body as { points: { storedBytes: number }[] };
  expect(ours.points.every((point) => point.storedBytes > 0)).toBe(true);
});

test('the daily job takes a point for every onboarded tenant', async () => {
  await usageSnapshots.scoped(backup.database.db).deleteMany(tenantB, {});
  const daily = new UsageReports({
    db: backup.database.db,
    scheduler: backup.scheduler,
    intervalMs: 1_000,
    onError: (error) => listenerErrors.push(error),
  });
  await daily.start();
  const point = await waitForSnapshot(tenantB, today(), () => true);
  expect(point.tenantId).toBe(tenantB);
});
