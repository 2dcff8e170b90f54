import { randomUUID } from 'node:crypto';
import { apiRoutes } from '../../src/api/index.js';
import { activityEntries } from '../../src/audit/activity-store.js';
import { notificationRecipients } from '../../src/settings/notification-recipients.js';
import { supportTickets } from '../../src/support/ticket-store.js';
import { BackupJobs, RunEngine, graphErrorReader, runsCollection } from '../../src/backup/index.js';
import { resourcesCollection } from '../../src/catalog/index.js';
import { DomainEvents } from '../../src/events.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { createBackupApiServices } from '../../src/jobs-api/index.js';
import { writeLicence } from '../../src/licences/index.js';
import {
  ExportService,
  RestoreService,
  restoreRequestsCollection,
  exportsCollection,
} from '../../src/restore/index.js';
import type { RestoreRequest } from '../../src/restore/index.js';
import { createRestoreApiServices } from '../../src/restore-api/index.js';
import { dateBucketFieldsOf, itemVersionsCollection } from '../../src/catalog/index.js';
import { writeSettings } from '../../src/settings/settings-store.js';
import { filesystemBackend, openContentStore, type ContentStore } from '../../src/store/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { openTestDatabase } from '../../../test-support/database.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { GraphGateway } from '../../src/graph/index.js';
import {
  person,
  providerTenant,
  seedPortalUser,
  seedProviderOperator,
  seedTenant,
  startHarness,
  tenantA,
  tenantB,
  type Harness,
  type TestPerson,
} from './support/harness.js';

/**
 * Every route × every caller, each cell asserted. The expectations are written out here by hand,
 * independently of the permission table in the code: a route added without a row here fails.
 */
const everyone = [
  'tenant_admin',
  'operator',
  'viewer',
  'restore_operator',
  'self_service',
  'provider_operator',
] as const;
type Role = (typeof everyone)[number];
const portal: Role[] = ['tenant_admin', 'operator', 'viewer', 'restore_operator'];
const readers: Role[] = ['tenant_admin', 'operator', 'viewer'];
const writers: Role[] = ['tenant_admin', 'operator', 'restore_operator'];
const admin: Role[] = ['tenant_admin'];
// Restore, export and approvals: administrators and restore operators, never the operator (the customer guide's FAQ),
// and the others are told so by their own code.
const byRestorers = { allowed: ['tenant_admin', 'restore_operator'], refusal: 'restore_not_permitted' } as const;
const tenantPeople: Role[] = ['tenant_admin', 'operator', 'viewer', 'restore_operator', 'self_service'];
const jobManagers: Role[] = ['tenant_admin', 'operator'];
const provider: Role[] = ['provider_operator'];

const marker = 'MARKER-A';

interface Sample {
  method: string;
  path: string;
  body?: unknown;
}

interface Row {
  allowed: readonly Role[] | 'public';
  /** The code a refused caller gets: `forbidden` unless the row says otherwise. */
  refusal?: string;
  /** What an allowed caller gets: 2xx unless the sample is refused for a business reason (a confirmed setup). */
  allowedStatus?: number;
  /** A fresh request each time, so that one cell's mutation never changes another's answer. */
  sample: () => Promise<Sample>;
}

let api: Harness;
let sim: RunningSimulator;

async function freshPortalUser(): Promise<string> {
  const user = await seedPortalUser(
    api.services,
    { ...person(tenantA, `target-${randomUUID().slice(0, 8)}`), name: marker },
    'viewer',
  );
  return user.id;
}

async function freshRecipient(): Promise<string> {
  const id = randomUUID();
  await notificationRecipients.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    id,
    name: marker,
    email: `${id}@1111.example`,
    language: 'it',
    events: ['job.failed'],
    createdAt: new Date(),
  });
  return id;
}

async function freshTicket(): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await supportTickets.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    id,
    subject: marker,
    description: marker,
    severity: 'normal',
    status: 'open',
    openedBy: { name: marker, email: 'olga@1111.example' },
    createdAt: now,
    updatedAt: now,
    comments: [],
  });
  return id;
}

async function freshJob(): Promise<string> {
  const job = await new BackupJobs(api.database.db).create(
    tenantA,
    {
      name: `${marker}-${randomUUID().slice(0, 8)}`,
      scope: { type: 'organisation' },
      workloads: ['exchange'],
      dailyTime: '02:00',
      retentionYears: 1,
    },
    'fixture',
  );
  return job.jobId;
}

async function freshRun(): Promise<string> {
  const runId = randomUUID();
  await runsCollection.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    runId,
    jobId: randomUUID(),
    jobName: marker,
    trigger: 'manual',
    requestedBy: 'anna@1111.example',
    status: 'succeeded',
    queuedAt: new Date(),
    startedAt: new Date(),
    finishedAt: new Date(),
    error: null,
  });
  return runId;
}

async function freshAccount(): Promise<string> {
  const resourceId = `mailbox:${randomUUID()}`;
  await resourcesCollection.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    resourceId,
    kind: 'mailbox',
    graphId: resourceId.slice(8),
    displayName: marker,
    firstSeenAt: new Date(),
  });
  return encodeURIComponent(resourceId);
}

let store: ContentStore;
const scratch = mkdtempSync(join(tmpdir(), 'custodia-matrix-'));

/** A backed-up file of an account nobody signs in as: restorable by the portal, never by a self-service user. */
async function freshVersion(): Promise<string> {
  const resourceId = `onedrive:b!${randomUUID()}`;
  await resourcesCollection.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    resourceId,
    kind: 'onedrive',
    graphId: resourceId.slice(9),
    displayName: marker,
    ownerUserId: randomUUID(),
    firstSeenAt: new Date(),
  });
  const content = await store.put(tenantA, Buffer.from('contenuto del file'), 'file');
  await store.flush();
  const now = new Date();
  const inserted = await itemVersionsCollection.raw(api.database.db).insertOne({
    tenantId: tenantA,
    resourceId,
    kind: 'file',
    graphId: randomUUID(),
    versionKey: 'v1',
    containerId: 'root',
    containerPath: '',
    name: 'relazione.txt',
    size: content.size,
    properties: {},
    content: { blobIds: [...content.blobIds], size: content.size, sha256: content.sha256 },
    searchTerms: ['relazione'],
    ...dateBucketFieldsOf(resourceId, undefined),
    firstRunId: 'fixture',
    lastRunId: 'fixture',
    lastSeenAt: now,
    validFrom: now,
    validTo: null,
    deletedAt: null,
  });
  return inserted.insertedId.toHexString();
}

async function freshRestore(status: RestoreRequest['status'] = 'completed'): Promise<string> {
  const restoreId = randomUUID();
  const progress = { total: 1, restored: 1, skipped: 0, failed: 0, verified: 1, mismatched: 0, exportOnly: 0 };
  await restoreRequestsCollection.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    restoreId,
    requestedBy: `self-service:${randomUUID()}`,
    selection: { type: 'versions', versionIds: ['0123456789abcdef01234567'] },
    target: { type: 'original' },
    conflictPolicy: 'skip',
    language: 'it',
    restoreFolderName: marker,
    status,
    progress,
    requestedAt: new Date(),
    startedAt: null,
    finishedAt: null,
    error: null,
    ...(status === 'awaitingApproval' && {
      approval: { reason: 'oneDriveSelfService', decision: 'pending', decidedBy: null, decidedAt: null, note: null },
    }),
  });
  return restoreId;
}

async function freshExport(ready = false): Promise<{ exportId: string; token: string }> {
  const exportId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const filePath = join(scratch, `${exportId}.zip`);
  if (ready) writeFileSync(filePath, Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000'), 'latin1'));
  await exportsCollection.scoped(api.database.db).insertOne(tenantA, {
    tenantId: tenantA,
    exportId,
    requestedBy: 'anna@1111.example',
    status: ready ? 'ready' : 'queued',
    items: ready ? 1 : 0,
    bytes: ready ? 22 : 0,
    token,
    expiresAt: new Date(Date.now() + 3_600_000),
    filePath: ready ? filePath : null,
    requestedAt: new Date(),
    finishedAt: null,
    error: null,
  });
  return { exportId, token };
}

const versionSelection = async () => ({ type: 'versions', versionIds: [await freshVersion()] });

const goldLicence = {
  plans: [{ profile: 'Gold', retentionYears: 1 as const, workloads: ['exchange' as const], seats: 1000 }],
  storageBytes: 10_000_000_000,
};

/** The real engine on an Agenda that is never started: runs are queued, none executes. */
function queuedOnlyBackup(db: Db) {
  const scheduler = new Scheduler({ db, workerName: 'matrix' });
  const events = new DomainEvents(db);
  const engine = new RunEngine({
    db,
    scheduler,
    events,
    store: { put: unreachable, putStream: unreachable, flush: unreachable },
    graphFor: unreachable,
    graphErrors: graphErrorReader,
    workerName: 'matrix',
  });
  // The directory is a real simulated tenant's: the groups route reads it as it would a customer's.
  const directory = {
    graphFor: async () => GraphGateway.open({ connection: simulatorConnection(sim), db }),
  };
  return createBackupApiServices({ db, scheduler, engine, events, directory });
}

function simulatorConnection(simulator: RunningSimulator) {
  const { tenantId, graphBaseUrl, authorityHost, app } = simulator;
  return { tenantId, graphBaseUrl, authorityHost, ...app };
}

/** The real restore and export services on an Agenda that is never started: requests are queued, none runs. */
function queuedOnlyRestore(db: Db) {
  const scheduler = new Scheduler({ db, workerName: 'matrix' });
  const events = new DomainEvents(db);
  const restores = new RestoreService({ db, scheduler, events, store, graphFor: unreachable, workerName: 'matrix' });
  const exports = new ExportService({ db, scheduler, store, directory: scratch });
  return createRestoreApiServices({ db, restores, exports });
}

function unreachable(): never {
  throw new Error('the authorization matrix never executes a backup');
}

const get = (path: string) => async (): Promise<Sample> => ({ method: 'GET', path });

const matrix: Record<string, Row> = {
  'meta.openapi': { allowed: 'public', sample: get('/openapi.json') },
  'meta.clientConfig': { allowed: 'public', sample: get('/client-config') },
  'me.read': { allowed: everyone, sample: get('/me') },
  'me.signIn': { allowed: everyone, sample: async () => ({ method: 'POST', path: '/me/sign-in' }) },
  'terms.read': { allowed: portal, sample: get('/terms') },
  'terms.accept': {
    allowed: portal,
    sample: async () => ({ method: 'POST', path: '/terms/acceptance', body: { version: '2025-04' } }),
  },
  'tenant.read': { allowed: portal, sample: get('/tenant') },
  'tenant.dataLocations': { allowed: portal, sample: get('/tenant/setup/data-locations') },
  'tenant.setDataLocation': {
    allowed: admin,
    allowedStatus: 409,
    sample: async () => ({ method: 'PUT', path: '/tenant/setup/data-location', body: { dataLocation: 'west-europe' } }),
  },
  'tenant.setWorkloads': {
    allowed: admin,
    allowedStatus: 409,
    sample: async () => ({ method: 'PUT', path: '/tenant/setup/workloads', body: { workloads: ['exchange'] } }),
  },
  'tenant.adminConsentLink': {
    allowed: admin,
    sample: get(`/tenant/setup/admin-consent?redirectUri=${encodeURIComponent('https://custodia.example/consent')}`),
  },
  'tenant.checkAdminConsent': {
    allowed: admin,
    allowedStatus: 409,
    sample: async () => ({ method: 'POST', path: '/tenant/setup/admin-consent/check' }),
  },
  'tenant.confirmSetup': {
    allowed: admin,
    allowedStatus: 409,
    sample: async () => ({ method: 'POST', path: '/tenant/setup/confirmation', body: { confirm: true } }),
  },
  'provider.listTenants': { allowed: provider, sample: get('/provider/tenants') },
  'provider.readTenant': { allowed: provider, sample: get(`/provider/tenants/${tenantA}`) },
  'provider.onboardTenant': {
    allowed: provider,
    sample: async () => ({
      method: 'POST',
      path: '/provider/tenants',
      body: { tenantId: randomUUID(), name: 'Nuovo cliente', itManager: { name: 'It', email: 'it@nuovo.example' } },
    }),
  },
  'activity.list': { allowed: readers, sample: get('/activity') },
  'activity.export': { allowed: readers, sample: get('/activity/export.csv') },
  'activity.verify': { allowed: admin, sample: get('/activity/verification') },
  'settings.read': { allowed: portal, sample: get('/settings') },
  'settings.update': {
    allowed: admin,
    sample: async () => ({ method: 'PATCH', path: '/settings', body: { selfServiceRestore: true } }),
  },
  'portalUsers.list': { allowed: readers, sample: get('/portal-users') },
  'portalUsers.read': {
    allowed: readers,
    sample: async () => ({ method: 'GET', path: `/portal-users/${await freshPortalUser()}` }),
  },
  'portalUsers.invite': {
    allowed: admin,
    sample: async () => ({
      method: 'POST',
      path: '/portal-users',
      body: { name: 'Nuovo', email: `${randomUUID()}@1111.example`, role: 'viewer' },
    }),
  },
  'portalUsers.update': {
    allowed: admin,
    sample: async () => ({
      method: 'PATCH',
      path: `/portal-users/${await freshPortalUser()}`,
      body: { role: 'operator' },
    }),
  },
  'portalUsers.revoke': {
    allowed: admin,
    sample: async () => ({ method: 'DELETE', path: `/portal-users/${await freshPortalUser()}` }),
  },
  'notifications.list': { allowed: readers, sample: get('/notification-recipients') },
  'notifications.add': {
    allowed: admin,
    sample: async () => ({
      method: 'POST',
      path: '/notification-recipients',
      body: { name: 'IT', email: `${randomUUID()}@1111.example`, events: ['job.failed'] },
    }),
  },
  'notifications.update': {
    allowed: admin,
    sample: async () => ({
      method: 'PATCH',
      path: `/notification-recipients/${await freshRecipient()}`,
      body: { events: ['job.warning'] },
    }),
  },
  'notifications.remove': {
    allowed: admin,
    sample: async () => ({ method: 'DELETE', path: `/notification-recipients/${await freshRecipient()}` }),
  },
  'knowledge.list': { allowed: everyone, sample: get('/knowledge/articles?q=job') },
  'knowledge.read': { allowed: everyone, sample: get('/knowledge/articles/job-di-backup') },
  'support.contact': { allowed: portal, sample: get('/support/contact') },
  'support.list': { allowed: portal, sample: get('/support/tickets') },
  'support.read': {
    allowed: portal,
    sample: async () => ({ method: 'GET', path: `/support/tickets/${await freshTicket()}` }),
  },
  'support.open': {
    allowed: writers,
    sample: async () => ({
      method: 'POST',
      path: '/support/tickets',
      body: { subject: 'Problema', description: 'Dettagli' },
    }),
  },
  'support.comment': {
    allowed: writers,
    sample: async () => ({
      method: 'POST',
      path: `/support/tickets/${await freshTicket()}/comments`,
      body: { text: 'Commento' },
    }),
  },
  'support.setStatus': {
    allowed: writers,
    sample: async () => ({
      method: 'PATCH',
      path: `/support/tickets/${await freshTicket()}`,
      body: { status: 'closed' },
    }),
  },
  'provider.listTickets': { allowed: provider, sample: get('/provider/support/tickets') },
  'provider.readTicket': {
    allowed: provider,
    sample: async () => ({
      method: 'GET',
      path: `/provider/tenants/${tenantA}/support/tickets/${await freshTicket()}`,
    }),
  },
  'provider.commentTicket': {
    allowed: provider,
    sample: async () => ({
      method: 'POST',
      path: `/provider/tenants/${tenantA}/support/tickets/${await freshTicket()}/comments`,
      body: { text: 'Risposta' },
    }),
  },
  'provider.setTicketStatus': {
    allowed: provider,
    sample: async () => ({
      method: 'PATCH',
      path: `/provider/tenants/${tenantA}/support/tickets/${await freshTicket()}`,
      body: { status: 'in_progress' },
    }),
  },
  'jobs.list': { allowed: portal, sample: get('/jobs') },
  'jobs.read': { allowed: portal, sample: async () => ({ method: 'GET', path: `/jobs/${await freshJob()}` }) },
  'jobs.create': {
    allowed: jobManagers,
    sample: async () => ({
      method: 'POST',
      path: '/jobs',
      body: {
        name: `Job ${randomUUID().slice(0, 8)}`,
        scope: { type: 'organisation' },
        workloads: ['exchange'],
        dailyTime: '23:15',
        retentionYears: 1,
        profile: 'Gold',
        confirm: true,
      },
    }),
  },
  'jobs.update': {
    allowed: jobManagers,
    sample: async () => ({ method: 'PATCH', path: `/jobs/${await freshJob()}`, body: { dailyTime: '05:00' } }),
  },
  'jobs.runNow': {
    allowed: jobManagers,
    sample: async () => ({ method: 'POST', path: `/jobs/${await freshJob()}/runs` }),
  },
  'jobs.delete': {
    allowed: jobManagers,
    sample: async () => {
      const id = await freshJob();
      const job = await new BackupJobs(api.database.db).get(tenantA, id);
      return { method: 'DELETE', path: `/jobs/${id}`, body: { confirm: job?.name } };
    },
  },
  'runs.list': { allowed: portal, sample: get('/runs') },
  'runs.read': { allowed: portal, sample: async () => ({ method: 'GET', path: `/runs/${await freshRun()}` }) },
  'items.list': { allowed: portal, sample: get('/items') },
  'items.deleteBackup': {
    allowed: admin,
    sample: async () => ({ method: 'DELETE', path: `/items/${await freshAccount()}`, body: { confirm: marker } }),
  },
  'licence.read': { allowed: portal, sample: get('/licence') },
  'reports.usage': { allowed: portal, sample: get('/reports/usage') },
  'reports.coverage': { allowed: portal, sample: get('/reports/coverage') },
  'directory.groups': { allowed: jobManagers, sample: get('/directory/groups') },
  'backups.resources': { ...byRestorers, sample: get('/backups/resources') },
  'backups.folders': {
    ...byRestorers,
    sample: async () => ({ method: 'GET', path: `/backups/resources/${await freshAccount()}/folders` }),
  },
  'backups.items': {
    ...byRestorers,
    sample: async () => ({ method: 'GET', path: `/backups/resources/${await freshAccount()}/items?containerId=inbox` }),
  },
  'backups.points': {
    ...byRestorers,
    sample: async () => ({ method: 'GET', path: `/backups/resources/${await freshAccount()}/points` }),
  },
  'backups.conversation': {
    ...byRestorers,
    sample: async () => ({
      method: 'GET',
      path: `/backups/resources/${await freshAccount()}/conversation?conversationId=AAQkAGI2conversation`,
    }),
  },
  'backups.search': { ...byRestorers, sample: get('/backups/search?q=relazione') },
  'restores.create': {
    ...byRestorers,
    allowedStatus: 202,
    sample: async () => ({
      method: 'POST',
      path: '/restores',
      body: { selection: await versionSelection(), target: { type: 'newFolder' }, conflictPolicy: 'keepBoth' },
    }),
  },
  'restores.list': { allowed: portal, sample: get('/restores') },
  'restores.read': {
    allowed: portal,
    sample: async () => ({ method: 'GET', path: `/restores/${await freshRestore()}` }),
  },
  'restores.items': {
    ...byRestorers,
    sample: async () => ({ method: 'GET', path: `/restores/${await freshRestore()}/items` }),
  },
  'exports.zip': {
    ...byRestorers,
    sample: async () => ({ method: 'POST', path: '/exports/zip', body: { selection: await versionSelection() } }),
  },
  'exports.create': {
    ...byRestorers,
    allowedStatus: 202,
    sample: async () => ({ method: 'POST', path: '/exports', body: { selection: await versionSelection() } }),
  },
  'exports.read': {
    ...byRestorers,
    sample: async () => ({ method: 'GET', path: `/exports/${(await freshExport()).exportId}` }),
  },
  'exports.download': {
    allowed: 'public',
    sample: async () => ({ method: 'GET', path: `/downloads/${tenantA}/${(await freshExport(true)).token}` }),
  },
  'approvals.list': { ...byRestorers, sample: get('/approvals') },
  'approvals.decide': {
    ...byRestorers,
    sample: async () => ({
      method: 'POST',
      path: `/approvals/${await freshRestore('awaitingApproval')}`,
      body: { approve: false, note: 'Serve una motivazione' },
    }),
  },
  // "My backups": every person of the tenant may open it, and reaches only their own data: another person's
  // account, version or restore answers 404 to all of them.
  'me.backups.resources': { allowed: tenantPeople, sample: get('/me/backups/resources') },
  'me.backups.folders': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({ method: 'GET', path: `/me/backups/resources/${await freshAccount()}/folders` }),
  },
  'me.backups.items': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({
      method: 'GET',
      path: `/me/backups/resources/${await freshAccount()}/items?containerId=inbox`,
    }),
  },
  'me.backups.points': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({ method: 'GET', path: `/me/backups/resources/${await freshAccount()}/points` }),
  },
  'me.backups.conversation': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({
      method: 'GET',
      path: `/me/backups/resources/${await freshAccount()}/conversation?conversationId=AAQkAGI2conversation`,
    }),
  },
  'me.backups.search': { allowed: tenantPeople, sample: get('/me/backups/search?q=relazione') },
  'me.restores.create': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({
      method: 'POST',
      path: '/me/restores',
      body: { selection: await versionSelection(), target: { type: 'original' }, conflictPolicy: 'skip' },
    }),
  },
  'me.restores.list': { allowed: tenantPeople, sample: get('/me/restores') },
  'me.restores.read': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({ method: 'GET', path: `/me/restores/${await freshRestore()}` }),
  },
  'me.exports.zip': {
    allowed: tenantPeople,
    allowedStatus: 404,
    sample: async () => ({ method: 'POST', path: '/me/exports/zip', body: { selection: await versionSelection() } }),
  },
  'provider.readLicence': { allowed: provider, sample: get(`/provider/tenants/${tenantA}/licence`) },
  'provider.setLicence': {
    allowed: provider,
    sample: async () => ({ method: 'PUT', path: `/provider/tenants/${tenantA}/licence`, body: goldLicence }),
  },
};

const callers: Record<Role, TestPerson> = {
  tenant_admin: person(tenantA, 'anna'),
  operator: person(tenantA, 'olga'),
  viewer: person(tenantA, 'vera'),
  restore_operator: person(tenantA, 'rita'),
  self_service: person(tenantA, 'ugo'),
  provider_operator: person(providerTenant, 'paolo'),
};
const otherTenantAdmin = person(tenantB, 'beatrice');

beforeAll(async () => {
  sim = await startSimulator();
  const database = await openTestDatabase('matrix');
  store = await openContentStore({
    db: database.db,
    backend: filesystemBackend(join(scratch, 'store')),
    masterKey: randomBytes(32),
  });
  api = await startHarness({ database, backup: queuedOnlyBackup, restore: queuedOnlyRestore });
  await writeSettings(api.database.db, tenantA, { selfServiceRestore: true }, new Date());
  await writeLicence(api.database.db, tenantA, goldLicence, 'fixture', new Date());
  await seedTenant(api.services, tenantA);
  await seedTenant(api.services, tenantB);
  for (const role of ['tenant_admin', 'operator', 'viewer', 'restore_operator'] as const) {
    await seedPortalUser(api.services, callers[role], role);
  }
  await seedPortalUser(api.services, otherTenantAdmin, 'tenant_admin');
  await seedProviderOperator(api.services, callers.provider_operator);
});
afterAll(async () => {
  await api.close();
  await sim.stop();
  await store.close();
  await api.database.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

test('the matrix has exactly one row per route of the route table', () => {
  expect(Object.keys(matrix).sort()).toEqual(apiRoutes.map((route) => route.id).sort());
});

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;
const activityCount = () => activityEntries.raw(api.database.db).countDocuments({});

describe.each(apiRoutes.map((route) => [route.id, route.method] as const))('%s', (id, method) => {
  const row = () => matrix[id]!;

  test.each(everyone)('as %s', async (role) => {
    const sample = await row().sample();
    const before = await activityCount();
    const answer = await api.call(sample.method, sample.path, {
      token: await api.token(callers[role]),
      body: sample.body,
    });
    const allowed = row().allowed === 'public' || (row().allowed as readonly Role[]).includes(role);
    if (!allowed) {
      expect({ status: answer.status, code: errorCode(answer.body) }).toEqual({
        status: 403,
        code: row().refusal ?? 'forbidden',
      });
      return;
    }
    const expected = row().allowedStatus;
    if (expected) expect(answer.status).toBe(expected);
    else expect({ status: answer.status, ok: answer.status >= 200 && answer.status < 300 }).toMatchObject({ ok: true });
    if (method !== 'GET' && answer.status < 300) expect(await activityCount()).toBeGreaterThan(before);
  });

  test('as the admin of another tenant', async () => {
    const sample = await row().sample();
    const answer = await api.call(sample.method, sample.path, {
      token: await api.token(otherTenantAdmin),
      body: sample.body,
    });
    const allowed = row().allowed;
    if (allowed !== 'public' && !allowed.includes('tenant_admin')) {
      expect(answer.status).toBe(403);
    } else if (/\/[0-9a-f-]{36}(\/|$)/.test(sample.path.replace(tenantA, ''))) {
      expect(answer.status).toBe(404);
    } else {
      expect(answer.status).toBeLessThan(500);
    }
    expect(answer.text).not.toContain(marker);
    expect(answer.text).not.toContain(tenantA);
  });

  test('without a token, with an expired token, with a token for another application', async () => {
    const sample = await row().sample();
    const someone = callers.tenant_admin;
    const cells = [
      { token: undefined, status: 401, code: 'unauthenticated' },
      { token: await api.token(someone, { expiresInSeconds: -300 }), status: 401, code: 'token_expired' },
      {
        token: await api.token(someone, { audience: 'api://localhost/00000000-0000-4000-8000-000000000000' }),
        status: 401,
        code: 'token_invalid',
      },
    ];
    for (const cell of cells) {
      const answer = await api.call(sample.method, sample.path, {
        ...(cell.token && { token: cell.token }),
        body: sample.body,
      });
      if (row().allowed === 'public') expect(answer.status).toBe(200);
      else
        expect({ status: answer.status, code: errorCode(answer.body) }).toEqual({
          status: cell.status,
          code: cell.code,
        });
    }
  });
});
