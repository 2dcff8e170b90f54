import type { BackupHarness } from '../backup/harness.js';
import type { Harness, TestPerson } from '../api/support/harness.js';
import { dailyExchangeJob, startDemoTenantJobs } from './demo-tenant-jobs.js';

/**
 * The guide's "select the group, then associate the profile": one job with several groups, each with its own Bronze or
 * Gold profile. A person a Gold group and a Bronze group reach (in one job or two) uses one seat, Gold's; the seats
 * are checked per profile. On the simulator's demo tenant: Vendite (5 people), Amministrazione (4), Produzione (6)
 * and Tutti i dipendenti (those three groups and 2 more people, 17 in all).
 */
let backup: BackupHarness;
let api: Harness;
let admin: TestPerson;
let provider: TestPerson;
let groups: Map<string, string>;

const setLicence = async (goldSeats: number, bronzeSeats: number) =>
  api.call('PUT', `/provider/tenants/${backup.tenantId}/licence`, {
    token: await api.token(provider),
    body: {
      plans: [
        { profile: 'Gold', retentionYears: 1, workloads: ['exchange', 'onedrive'], seats: goldSeats },
        { profile: 'Bronze', retentionYears: 1, workloads: ['exchange'], seats: bronzeSeats },
      ],
      storageBytes: 10_000_000_000,
    },
  });

const asAdmin = async (method: string, path: string, body?: unknown, language = 'it') =>
  api.call(method, path, {
    token: await api.token(admin),
    headers: { 'accept-language': language },
    ...(body !== undefined && { body }),
  });

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;
const id = (name: string) => groups.get(name)!;

/** Groups by name, each with its profile. */
const groupsWith = (profiles: Record<string, string>) => ({
  type: 'groups',
  groupIds: Object.keys(profiles).map(id),
  groupProfiles: Object.fromEntries(Object.entries(profiles).map(([name, profile]) => [id(name), profile])),
});

const jobInput = dailyExchangeJob;

async function seatsUsed(): Promise<Record<string, number>> {
  const usage = (await asAdmin('GET', '/licence')).body as { plans: { profile: string; used: number }[] };
  return Object.fromEntries(usage.plans.map((plan) => [plan.profile, plan.used]));
}

async function createAndRun(name: string, scope: unknown): Promise<string> {
  const created = await asAdmin('POST', '/jobs', jobInput(name, scope));
  expect(created.status).toBe(201);
  const jobId = (created.body as { id: string }).id;
  expect((await backup.runAgain(jobId)).status).toBe('succeeded');
  return jobId;
}

let mixed: string;

beforeAll(async () => {
  ({ backup, api, admin, provider, groups } = await startDemoTenantJobs({ servicesByProfile: true }));
  await setLicence(30, 30);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await backup?.stop();
});

test.each([
  [
    'a group chosen twice',
    () => ({ type: 'groups', groupIds: [id('Vendite'), id('Vendite')] }),
    'group_listed_twice',
    /scelto più di una volta/,
    /chosen more than once/,
  ],
  [
    'a profile for a group not chosen',
    () => ({ type: 'groups', groupIds: [id('Vendite')], groupProfiles: { [id('Produzione')]: 'Bronze' } }),
    'group_profile_without_group',
    /non è tra i gruppi del job/,
    /not among the job’s groups/,
  ],
  [
    'a profile not bought',
    () => groupsWith({ Vendite: 'Gold', Produzione: 'Silver' }),
    'licence_plan_missing',
    /profilo Silver/,
    /Silver profile/,
  ],
])('a job with %s is refused with the reason in Italian and English', async (_, scope, code, italian, english) => {
  for (const [language, words] of [
    ['it', italian],
    ['en', english],
  ] as const) {
    const refused = await asAdmin('POST', '/jobs', jobInput('Rifiutato', scope()), language);
    expect(errorOf(refused.body).code).toBe(code);
    expect(errorOf(refused.body).message).toMatch(words);
  }
  const listed = (await asAdmin('GET', '/jobs')).body as { items: unknown[] };
  expect(listed.items).toEqual([]);
});

test('services: each need one of the job’s profiles; each profile must protect one of them', async () => {
  const withServices = (scope: unknown, workloads: string[]) => ({ ...jobInput('Servizi', scope), workloads });
  // OneDrive for the Gold group's people only: Bronze protects mail.
  const mixedServices = groupsWith({ Vendite: 'Gold', Amministrazione: 'Bronze' });
  const both = await asAdmin('POST', '/jobs', withServices(mixedServices, ['exchange', 'onedrive']));
  expect(both.status).toBe(201);
  const id = (both.body as { id: string }).id;
  expect((await asAdmin('DELETE', `/jobs/${id}`, { confirm: 'Servizi' })).status).toBe(200);
  for (const [scope, workloads] of [
    [mixedServices, ['exchange', 'teams']],
    [groupsWith({ Vendite: 'Bronze' }), ['exchange', 'onedrive']],
    [groupsWith({ Vendite: 'Gold', Amministrazione: 'Bronze' }), ['onedrive']],
  ] as const) {
    const refused = await asAdmin('POST', '/jobs', withServices(scope, [...workloads]), 'en');
    expect(errorOf(refused.body).code).toBe('licence_workloads_not_included');
  }
});

test('one job, a Gold group and a Bronze group: each person counts once, under the higher profile', async () => {
  mixed = await createAndRun('Misto', groupsWith({ Vendite: 'Gold', 'Tutti i dipendenti': 'Bronze' }));
  const view = (await asAdmin('GET', `/jobs/${mixed}`)).body;
  expect(view).toMatchObject({
    scope: { groupProfiles: { [id('Vendite')]: 'Gold', [id('Tutti i dipendenti')]: 'Bronze' } },
  });
  // Vendite's 5 people are in Tutti i dipendenti too: Gold for them, Bronze for the other 12.
  expect(await seatsUsed()).toEqual({ Gold: 5, Bronze: 12 });
  // "Stato della licenza" account by account: each mailbox with the profile the job protects it under.
  const items = (await asAdmin('GET', '/items')).body as { items: { kind: string; jobs: { profile: string }[] }[] };
  const mailboxes = items.items.filter((item) => item.kind === 'mailbox');
  const under = (profile: string) => mailboxes.filter((item) => item.jobs[0]?.profile === profile).length;
  expect([mailboxes.length, under('Gold'), under('Bronze')]).toEqual([17, 5, 12]);
}, 300_000);

test('a second job putting Bronze people under Gold moves their seats to Gold', async () => {
  await createAndRun('Amministrazione', groupsWith({ Amministrazione: 'Gold' }));
  expect(await seatsUsed()).toEqual({ Gold: 9, Bronze: 8 });
  // Account by account, as the count: a mailbox Bronze in one job and Gold in the other consumes Gold alone.
  const items = (await asAdmin('GET', '/items')).body as {
    items: { kind: string; jobs: unknown[]; consumes: { profile: string }[] }[];
  };
  const mailboxes = items.items.filter((item) => item.kind === 'mailbox');
  const inTwoJobs = mailboxes.filter((item) => item.jobs.length === 2);
  expect(inTwoJobs.length).toBeGreaterThan(0);
  expect(new Set(inTwoJobs.map((item) => item.consumes.map((plan) => plan.profile).join()))).toEqual(new Set(['Gold']));
  const consumed = (profile: string) =>
    mailboxes.filter((item) => item.consumes.some((plan) => plan.profile === profile)).length;
  expect([consumed('Gold'), consumed('Bronze')]).toEqual([9, 8]);
}, 300_000);

test('the seats are checked per profile: an edit that grows one profile past what was bought is refused', async () => {
  await setLicence(9, 8);
  // Vendite from Gold to Bronze frees 5 Gold seats but needs 13 Bronze ones, with 8 bought.
  for (const language of ['it', 'en'] as const) {
    const refused = await asAdmin(
      'PATCH',
      `/jobs/${mixed}`,
      { scope: groupsWith({ Vendite: 'Bronze', 'Tutti i dipendenti': 'Bronze' }) },
      language,
    );
    expect(errorOf(refused.body).code).toBe('licence_seats_exceeded');
    expect(errorOf(refused.body).message).toContain(
      language === 'it' ? '13 utenti con il profilo Bronze' : '13 people under the Bronze profile',
    );
  }
  const created = await asAdmin('POST', '/jobs', jobInput('Produzione', groupsWith({ Produzione: 'Gold' })), 'en');
  expect(errorOf(created.body).code).toBe('licence_seats_exceeded');
  expect(errorOf(created.body).message).toContain('15 people under the Gold profile');
});

test('over the seats bought, an edit that uses fewer of them is allowed', async () => {
  await setLicence(9, 5);
  expect((await asAdmin('GET', '/licence')).body).toMatchObject({ overrun: true });
  const narrowed = await asAdmin('PATCH', `/jobs/${mixed}`, {
    scope: groupsWith({ Vendite: 'Gold', Produzione: 'Bronze' }),
  });
  expect(narrowed.status).toBe(200);
  expect(narrowed.body).toMatchObject({
    scope: { groupProfiles: { [id('Vendite')]: 'Gold', [id('Produzione')]: 'Bronze' } },
  });
  const wider = await asAdmin('PATCH', `/jobs/${mixed}`, {
    scope: groupsWith({ Vendite: 'Gold', 'Tutti i dipendenti': 'Bronze' }),
  });
  expect(errorOf(wider.body).code).toBe('licence_seats_exceeded');
});

test('a run backs up each person’s services of the job that their profile includes', async () => {
  await setLicence(30, 30);
  const input = jobInput('Posta e OneDrive', groupsWith({ Amministrazione: 'Gold', Produzione: 'Bronze' }));
  const created = await asAdmin('POST', '/jobs', { ...input, workloads: ['exchange', 'onedrive'] });
  expect(created.status).toBe(201);
  const run = await backup.runAgain((created.body as { id: string }).id);
  expect(run.status).toBe('succeeded');
  const units = await backup.engine.runUnits(backup.tenantId, run.runId);
  const kinds = (profile: string) => units.filter((unit) => unit.profile === profile).map((unit) => unit.resourceKind);
  // Amministrazione's 4 people under Gold: mailbox and OneDrive; Produzione's 6 under Bronze: their mailbox only.
  expect(kinds('Gold').sort()).toEqual([...Array(4).fill('mailbox'), ...Array(4).fill('onedrive')]);
  expect(kinds('Bronze')).toEqual(Array(6).fill('mailbox'));
}, 300_000);
