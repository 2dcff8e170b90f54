import type { TenantDefinition } from '@custodia/m365-simulator';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { person, seedPortalUser, seedTenant, type Harness, type TestPerson } from '../api/support/harness.js';
import { startApiOnBackup } from '../api/support/api-on-backup.js';

/** Seven groups, more than a page of three: the job form's group picker pages, searches and names chosen ids. */
const names = ['Acquisti', 'Amministrazione', 'Commerciale', 'Direzione', 'Logistica', 'Marketing', 'Produzione'];
const idOf = (index: number) => `6f1d2a4b-8c3e-4f5a-9b7d-00000000000${index}`;
const tenant: TenantDefinition = {
  displayName: 'Bianchi Srl',
  domain: 'bianchi.onmicrosoft.com',
  users: [{ userPrincipalName: 'anna@bianchi.onmicrosoft.com', displayName: 'Anna Bianchi' }],
  groups: names.map((displayName, index) => ({
    id: idOf(index),
    displayName,
    mailNickname: displayName.toLowerCase(),
    members: ['anna@bianchi.onmicrosoft.com'],
  })),
};

interface GroupPage {
  items: { id: string; displayName: string }[];
  nextCursor: string | null;
}

let backup: BackupHarness;
let api: Harness;
let admin: TestPerson;

beforeAll(async () => {
  backup = await startBackupHarness({ tenant });
  api = await startApiOnBackup(backup);
  await seedTenant(api.services, backup.tenantId);
  admin = person(backup.tenantId, 'anna');
  await seedPortalUser(api.services, admin, 'tenant_admin');
});
afterAll(async () => {
  await api?.close();
  await backup?.stop();
});

const groups = async (query: string) => {
  const answer = await api.call('GET', `/directory/groups?${query}`, { token: await api.token(admin) });
  return { status: answer.status, body: answer.body as GroupPage };
};

test('the groups come a page at a time, by name, each page continuing where the last stopped', async () => {
  const seen: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = await groups(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.body.items.length).toBeLessThanOrEqual(3);
    seen.push(...page.body.items.map((group) => group.displayName));
    cursor = page.body.nextCursor;
  }
  expect(seen).toEqual(names);
});

test('words find groups beyond the first page; ids answer the names of the groups a job names', async () => {
  expect((await groups('limit=3&q=produz')).body.items.map((group) => group.displayName)).toEqual(['Produzione']);
  const named = await groups(`ids=${idOf(6)},${idOf(1)},unknown-group`);
  expect(named.body).toEqual({
    items: [
      expect.objectContaining({ id: idOf(1), displayName: 'Amministrazione' }),
      expect.objectContaining({ id: idOf(6), displayName: 'Produzione' }),
    ],
    nextCursor: null,
  });
  const tooMany = Array.from({ length: 101 }, (_, index) => `g${index}`).join(',');
  for (const ids of [tooMany, 'a,,b', 'a%20b']) {
    expect(await groups(`ids=${ids}`)).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  }
});
