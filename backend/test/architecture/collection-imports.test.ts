import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repository = fileURLToPath(new URL('../../..', import.meta.url));

/** The messages the repository's ESLint configuration reports for this source, as if it were the file at `path`. */
async function lint(path: string, source: string): Promise<{ ruleId: string | null; message: string }[]> {
  const eslint = new ESLint({ cwd: repository });
  const [result] = await eslint.lintText(source, { filePath: `${repository}${path}` });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const restoreRequests =
  "import { restoreRequestsCollection } from '../restore/collections.js';\nexport const requests = restoreRequestsCollection;\n";

describe('only the module that owns a collection imports it', () => {
  test('a route of another module importing the restore requests collection is refused, naming the owner', async () => {
    const messages = await lint('backend/src/restore-api/sneaky-route.ts', restoreRequests);
    expect(messages).toEqual([
      {
        ruleId: 'no-restricted-imports',
        message: expect.stringContaining('restore owns this collection: call its service instead.'),
      },
    ]);
  });

  test('the bot importing a collection through a module index is refused', async () => {
    const source =
      "import { portalUsers } from '@custodia/backend/portal-users/portal-user-store';\nexport const users = portalUsers;\n";
    const messages = await lint('bot/src/sneaky-handler.ts', source);
    expect(messages.map((message) => message.ruleId)).toEqual(['no-restricted-imports']);
    expect(messages[0]?.message).toContain("'portalUsers'");
  });

  test('the composition root importing the bot’s own collection is refused', async () => {
    const source =
      "import { botConversations } from '@custodia/bot/conversation-store';\nexport const conversations = botConversations;\n";
    const messages = await lint('teams-app/src/sneaky-wiring.ts', source);
    expect(messages.map((message) => message.message)).toEqual([
      expect.stringContaining('bot owns this collection: call its service instead.'),
    ]);
  });

  test('backup’s runs are refused to reports, the job log’s routes and the items alike', async () => {
    const source = "import { runsCollection } from '../backup/collections.js';\nexport const runs = runsCollection;\n";
    for (const path of [
      'backend/src/reports/sneaky-report.ts',
      'backend/src/jobs-api/job-log.ts',
      'backend/src/items/sneaky-purge.ts',
    ]) {
      const refused = await lint(path, source);
      expect(refused.map((message) => message.message)).toEqual([
        expect.stringContaining('backup owns this collection: call its service instead.'),
      ]);
    }
  });

  test('the tenants’ records and mail outbox are refused to onboarding, the workers and the composition root', async () => {
    const imports = [
      ['backend/src/onboarding/sneaky-onboarding.ts', '../tenants/tenant-store.js', 'tenantRecords'],
      ['backend/src/notifications/sneaky-pruning.ts', '../tenants/mail-outbox.js', 'outboxLetters'],
      ['teams-app/src/sneaky-seed.ts', '@custodia/backend/tenants/tenant-store', 'tenantRecords'],
    ] as const;
    for (const [path, from, name] of imports) {
      const refused = await lint(path, `import { ${name} } from '${from}';\nexport const records = ${name};\n`);
      expect(refused.map((message) => message.message)).toEqual([
        expect.stringContaining('tenants owns this collection: call its service instead.'),
      ]);
    }
  });

  test('the catalog’s item versions are refused to another module, and its own services import them', async () => {
    const source =
      "import { itemVersionsCollection } from '../catalog/index.js';\nexport const versions = itemVersionsCollection;\n";
    const refused = await lint('backend/src/retention/sneaky-sweep.ts', source);
    expect(refused.map((message) => message.message)).toEqual([
      expect.stringContaining('catalog owns this collection: call its service instead.'),
    ]);
    // The same import, named through the module's folder, is the catalog's own.
    expect(await lint('backend/src/catalog/sneaky-reads.ts', source)).toEqual([]);
  });

  test('the durable events are read through events.ts, not its collection', async () => {
    const source = "import { eventsCollection } from '../events.js';\nexport const events = eventsCollection;\n";
    const refused = await lint('backend/src/notifications/sneaky-digest.ts', source);
    expect(refused.map((message) => message.message)).toEqual([
      expect.stringContaining('events owns this collection: call its service instead.'),
    ]);
  });

  test('the owning module imports its own collection', async () => {
    expect(await lint('backend/src/restore/restore-listing.ts', restoreRequests.replace('../restore/', './'))).toEqual(
      [],
    );
  });

  test('an import of the owning module’s service is allowed', async () => {
    const source =
      "import { RestoreRequests } from '../restore/restore-requests.js';\nexport const reads = RestoreRequests;\n";
    expect(await lint('backend/src/restore-api/listing.ts', source)).toEqual([]);
  });

  test('tests may seed through a collection', async () => {
    expect(await lint('backend/test/restore-api/seed.test.ts', restoreRequests)).toEqual([]);
  });
});
