import type { BackupHarness } from '../backup/harness.js';
import type { Harness, TestPerson } from '../api/support/harness.js';
import { dailyExchangeJob, startDemoTenantJobs } from './demo-tenant-jobs.js';
import { overrunRemedies } from '../../src/licences/remedies.js';

/**
 * The customer guide's FAQ on a licence overrun: "modify the job specifying the Microsoft groups to back up". While
 * the storage used is at or over the storage bought, an edit that makes a job cover less (or no more) is allowed;
 * one that would use more is refused with the FAQ's remedies. On the simulator's demo tenant (25 people, 4 groups).
 */
let backup: BackupHarness;
let api: Harness;
let admin: TestPerson;
let provider: TestPerson;
let groups: Map<string, string>;

const plans = (seats: number) => [
  { profile: 'Gold', retentionYears: 1, workloads: ['exchange', 'onedrive'], seats },
  { profile: 'Gold', retentionYears: 3, workloads: ['exchange', 'onedrive'], seats },
  { profile: 'Bronze', retentionYears: 1, workloads: ['exchange'], seats },
];
const setLicence = async (storageBytes: number, seats = 30) =>
  api.call('PUT', `/provider/tenants/${backup.tenantId}/licence`, {
    token: await api.token(provider),
    body: { plans: plans(seats), storageBytes },
  });

const asAdmin = async (method: string, path: string, body?: unknown, language = 'it') =>
  api.call(method, path, {
    token: await api.token(admin),
    headers: { 'accept-language': language },
    ...(body !== undefined && { body }),
  });

const errorOf = (body: unknown) =>
  (body as { error: { code: string; message: string; details?: { growth?: string[] } } }).error;

const groupScope = (...names: string[]) => ({ type: 'groups', groupIds: names.map((name) => groups.get(name)!) });

const jobInput = dailyExchangeJob;

async function runToEnd(jobId: string): Promise<{ status: string; scopeSize: number }> {
  const started = await asAdmin('POST', `/jobs/${jobId}/runs`);
  expect(started.status).toBe(202);
  const runId = (started.body as { id: string }).id;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const run = await backup.engine.run(backup.tenantId, runId);
    if (run && run.status !== 'queued' && run.status !== 'running') {
      return { status: run.status, scopeSize: run.progress.resourcesTotal };
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the run did not finish in 180 s');
}

let wholeOrganisation: string;

beforeAll(async () => {
  ({ backup, api, admin, provider, groups } = await startDemoTenantJobs());
  await setLicence(10_000_000_000);

  // Something backed up, so that storage is used; then a job for the whole organisation, not run yet.
  const administration = await asAdmin('POST', '/jobs', jobInput('Amministrazione', groupScope('Amministrazione')));
  expect(administration.status).toBe(201);
  expect((await runToEnd((administration.body as { id: string }).id)).status).toBe('succeeded');
  const organisation = await asAdmin('POST', '/jobs', jobInput('Tutta l’organizzazione', { type: 'organisation' }));
  expect(organisation.status).toBe(201);
  wholeOrganisation = (organisation.body as { id: string }).id;

  // The storage bought falls under the storage used: an overrun.
  const overrun = await setLicence(1);
  expect(overrun.body).toMatchObject({ overrun: true });
}, 300_000);
afterAll(async () => {
  await api?.close();
  await backup?.stop();
});

test('a new job is refused, with the FAQ’s remedies in Italian and English', async () => {
  for (const language of ['it', 'en'] as const) {
    const refused = await asAdmin('POST', '/jobs', jobInput('Ancora uno', groupScope('Produzione')), language);
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body).code).toBe('licence_storage_exceeded');
    for (const remedy of overrunRemedies) expect(errorOf(refused.body).message).toContain(remedy[language]);
    // Storage as people read it (the byte counts stay in the details), with the decimal comma in Italian.
    expect(errorOf(refused.body).message).toMatch(
      language === 'it' ? /\(\d+(,\d)? MB usati di 0 MB\)/ : /\(\d+(\.\d)? MB used of 0 MB\)/,
    );
  }
});

test('restricting the whole-organisation job to one group is allowed, and the edited job runs', async () => {
  const restricted = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, { scope: groupScope('Vendite') });
  expect(restricted.status).toBe(200);
  expect(restricted.body).toMatchObject({ scope: groupScope('Vendite') });
  // Vendite's five people: one mailbox each.
  expect(await runToEnd(wholeOrganisation)).toEqual({ status: 'succeeded', scopeSize: 5 });
}, 240_000);

test.each([
  ['back to the whole organisation', { scope: { type: 'organisation' } }, ['people']],
  ['another group added', { scope: 'Vendite+Produzione' }, ['people']],
  ['another service', { workloads: ['exchange', 'onedrive'] }, ['workloads']],
  ['a longer retention', { retentionYears: 3 }, ['retention']],
] as const)('widening the job (%s) is refused, naming what grows and the remedies', async (_, change, growth) => {
  const body =
    'scope' in change && change.scope === 'Vendite+Produzione'
      ? { scope: groupScope('Vendite', 'Produzione') }
      : change;
  for (const language of ['it', 'en'] as const) {
    const refused = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, body, language);
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body).code).toBe('licence_overrun_growth');
    expect(errorOf(refused.body).details?.growth).toEqual(growth);
    for (const remedy of overrunRemedies) expect(errorOf(refused.body).message).toContain(remedy[language]);
  }
  expect((await asAdmin('GET', `/jobs/${wholeOrganisation}`)).body).toMatchObject({ scope: groupScope('Vendite') });
});

test('edits that use no more pass: a new time and name, a lower profile; a higher one is refused', async () => {
  const renamed = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, { name: 'Vendite', dailyTime: '23:30' });
  expect(renamed.status).toBe(200);
  const lower = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, { profile: 'Bronze' });
  expect(lower.status).toBe(200);
  const higher = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, { profile: 'Gold' }, 'en');
  expect(errorOf(higher.body)).toMatchObject({ code: 'licence_overrun_growth', details: { growth: ['profile'] } });
  expect(errorOf(higher.body).message).toContain('a higher profile');
});

test('with the seats exceeded too, an edit that adds nobody passes (and keeps what it leaves out), one that adds people is refused', async () => {
  await setLicence(1, 3);
  const narrowed = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, { dailyTime: '21:00' });
  // Only the time changes: a field left out keeps its value (the profile stays Bronze, not the creation default).
  expect(narrowed.body).toMatchObject({ dailyTime: '21:00', profile: 'Bronze' });
  const widened = await asAdmin('PATCH', `/jobs/${wholeOrganisation}`, { scope: groupScope('Vendite', 'Produzione') });
  expect(errorOf(widened.body).code).toBe('licence_seats_exceeded');
});
