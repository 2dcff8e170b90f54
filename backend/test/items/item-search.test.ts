import { BackupJobs } from '../../src/backup/backup-jobs.js';
import { jobCoverage } from '../../src/backup/job-coverage.js';
import { Catalog } from '../../src/catalog/index.js';
import { startSeededHarness, tenantA, tenantB, type Harness, type TestPerson } from '../api/support/harness.js';

let api: Harness;
let admin: TestPerson;

interface Listed {
  items: Array<{ id: string; kind: string; displayName: string; ownerEmail: string | null }>;
  nextCursor: string | null;
}

/** 500 people of tenant A as the backup engine's catalog records them (a mailbox and a OneDrive each), one of B. */
beforeAll(async () => {
  ({ api, admin } = await startSeededHarness('items_search'));
  const catalog = new Catalog(api.database.db, tenantA);
  for (let index = 0; index < 500; index += 1) {
    const handle = `person${String(index).padStart(3, '0')}`;
    const owner = { ownerUserId: `user-${index}`, ownerEmail: `${handle}@contoso.example` };
    const name = index === 123 ? 'Niccolò D’Angelo (a.b)' : `Person ${index}`;
    await catalog.upsertResources([
      {
        resourceId: `mailbox:${index}`,
        kind: 'mailbox',
        graphId: `u${index}`,
        displayName: name,
        ...owner,
      },
    ]);
    await catalog.upsertResources([
      {
        resourceId: `onedrive:${index}`,
        kind: 'onedrive',
        graphId: `d${index}`,
        displayName: `OneDrive — ${name}`,
        ...owner,
      },
    ]);
  }
  await new Catalog(api.database.db, tenantB).upsertResources([
    {
      resourceId: 'mailbox:other',
      kind: 'mailbox',
      graphId: 'other',
      displayName: 'Person 7 of another customer',
      ownerEmail: 'person007@other.example',
    },
  ]);
}, 120_000);
afterAll(() => api.close());

async function list(query: string): Promise<Listed> {
  const answer = await api.call('GET', `/items?${query}`, { token: await api.token(admin) });
  expect(answer.status).toBe(200);
  return answer.body as Listed;
}

test('q finds accounts by part of the name or e-mail, case ignored, in this tenant only', async () => {
  const byName = await list('q=person%207&limit=200');
  // "Person 7", "Person 70"–"Person 79", "Person 700"… do not exist: 7 and 70–79, each a mailbox and a OneDrive.
  expect(byName.items).toHaveLength(22);
  expect(byName.items.every((item) => /person 7/i.test(item.displayName))).toBe(true);
  expect(byName.items.some((item) => item.ownerEmail === 'person007@other.example')).toBe(false);
  const byEmail = await list('q=PERSON499%40&sort=ownerEmail');
  expect(byEmail.items.map((item) => item.kind).sort()).toEqual(['mailbox', 'onedrive']);
});

test('q is plain text, not a pattern: dots, brackets and apostrophes match themselves', async () => {
  const found = await list(`q=${encodeURIComponent('D’Angelo (a.b)')}&kind=mailbox`);
  expect(found.items.map((item) => item.displayName)).toEqual(['Niccolò D’Angelo (a.b)']);
  await expect(list('q=.%2A')).resolves.toEqual({ items: [], nextCursor: null });
});

test('q pages with the cursor like the whole list, sorted by e-mail so a person’s accounts stay together', async () => {
  const seen: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: Listed = await list(`q=contoso&sort=ownerEmail&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items.map((item) => item.ownerEmail ?? ''));
    cursor = page.nextCursor;
  }
  expect(seen).toHaveLength(1000);
  expect(seen).toEqual([...seen].sort());
  expect(seen[0]).toBe(seen[1]);
});

test('q is refused when empty, too long or not a string', async () => {
  const token = await api.token(admin);
  for (const query of ['q=', `q=${'a'.repeat(201)}`, 'q[$ne]=x']) {
    const answer = await api.call('GET', `/items?${query}`, { token });
    expect({ query, status: answer.status }).toEqual({ query, status: 400 });
  }
});

/** Every page of a query, as the portal reads them while a person scrolls. */
async function everyPage(query: string): Promise<Listed['items']> {
  const seen: Listed['items'] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: Listed = await list(`${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items);
    cursor = page.nextCursor;
  }
  return seen;
}

test('protection and owner filter every account of the tenant, not a page: the rows come from the database', async () => {
  const db = api.database.db;
  const job = await new BackupJobs(db).create(
    tenantA,
    {
      name: 'People 490-499',
      scope: { type: 'organisation' },
      workloads: ['exchange'],
      dailyTime: '22:00',
      retentionYears: 1,
    },
    'admin@test',
  );
  // People 490–499 sort last by e-mail: a filter over the first page only would find none of them.
  const covered = Array.from({ length: 10 }, (_, index) => `mailbox:${490 + index}`);
  await jobCoverage.scoped(db).insertMany(tenantA, [
    ...covered.map((resourceId) => ({ tenantId: tenantA, jobId: job.jobId, resourceId, runId: 'run-1' })),
    // The coverage of a job deleted since does not protect.
    { tenantId: tenantA, jobId: 'deleted-job', resourceId: 'onedrive:499', runId: 'run-0' },
  ]);
  await new Catalog(db, tenantA).upsertResources([
    {
      resourceId: 'team:scale',
      kind: 'team',
      graphId: 'team-scale',
      displayName: 'Team of no person',
    },
  ]);
  const protectedOnes = await list('protection=protected&sort=ownerEmail');
  expect(protectedOnes.items.map((item) => item.id).sort()).toEqual([...covered].sort());
  expect(protectedOnes.nextCursor).toBeNull();
  const unprotected = await everyPage('protection=unprotected&sort=ownerEmail');
  expect(unprotected).toHaveLength(1001 - covered.length);
  expect(unprotected.some((item) => covered.includes(item.id))).toBe(false);
  expect(unprotected.some((item) => item.id === 'onedrive:499')).toBe(true);
  const people = await everyPage('owner=person');
  expect(people).toHaveLength(1000);
  expect(people.every((item) => item.ownerEmail !== null)).toBe(true);
  await expect(list('owner=none')).resolves.toMatchObject({ items: [{ id: 'team:scale' }], nextCursor: null });
  const both = await list('owner=person&protection=protected&q=person495');
  expect(both.items.map((item) => item.id)).toEqual(['mailbox:495']);
  const token = await api.token(admin);
  for (const query of ['protection=yes', 'owner=someone', 'protection[$ne]=x']) {
    const answer = await api.call('GET', `/items?${query}`, { token });
    expect({ query, status: answer.status }).toEqual({ query, status: 400 });
  }
});
