import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes } from '../../src/db/index.js';
import { Catalog, currentBytesOfResource, searchTermsOf, type NewItemVersion } from '../../src/catalog/index.js';
import { wholeReads } from '../../../test-support/plan-scans.js';

// Every hot query the catalog sends is asked back with `explain`: on MongoDB no plan may scan a collection
// (COLLSCAN); on the embedded default (FerretDB over PostgreSQL) no PostgreSQL plan may read a whole table (Seq Scan).
// The queries are the ones the Catalog really sends, captured with the driver's command monitoring.

const mailboxes = 20;
const foldersPerMailbox = 5;
const perFolder = 50;
const words = ['preventivo', 'fattura', 'cantiere', 'riunione', 'contratto', 'ordine', 'verbale', 'offerta'];

let database: TestDatabase;
let client: MongoClient;
const sent: CommandStartedEvent[] = [];

function version(mailbox: number, folder: number, index: number): NewItemVersion {
  const subject = `${words[index % words.length]} ${words[(index * 3 + folder) % words.length]} n${index}`;
  return {
    resourceId: `mailbox:user-${mailbox}`,
    kind: 'message',
    graphId: `m-${mailbox}-${folder}-${index}`,
    versionKey: 'v1',
    containerId: `folder-${folder}`,
    containerPath: `Posta in arrivo/Cartella ${folder}`,
    name: subject,
    from: `user-${index % 7}@contoso.it`,
    to: [`user-${mailbox}@contoso.it`],
    size: 2_000,
    itemDate: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000),
    properties: { conversationId: `conv-${mailbox}-${index % 10}` },
    content: { blobIds: [`blob-${mailbox}-${folder}-${index}`], size: 2_000, sha256: 'x' },
    searchTerms: searchTermsOf(subject),
  };
}

beforeAll(async () => {
  database = await openTestDatabase('query_plans');
  await ensureIndexes(database.db);
  const writer = new Catalog(database.db, 'tenant-plans');
  for (let mailbox = 0; mailbox < mailboxes; mailbox++) {
    const versions: NewItemVersion[] = [];
    for (let folder = 0; folder < foldersPerMailbox; folder++) {
      for (let index = 0; index < perFolder; index++) versions.push(version(mailbox, folder, index));
    }
    await writer.recordVersions(versions, 'run-1', new Date('2026-03-01T00:00:00Z'));
  }
  client = new MongoClient(database.uri, { monitorCommands: true });
  client.on('commandStarted', (event) => {
    if (event.commandName === 'find' || event.commandName === 'update') sent.push(event);
  });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client.close();
  await database.dispose();
});

/** Explains each command the catalog sent while `act` ran; answers the scans each plan holds, by query. */
async function scansOfQueriesIn(act: (catalog: Catalog) => Promise<unknown>): Promise<Record<string, string[]>> {
  sent.length = 0;
  await act(new Catalog(client.db(database.name), 'tenant-plans'));
  const result: Record<string, string[]> = {};
  for (const event of sent) {
    const { command } = event;
    const explained: Document =
      event.commandName === 'find'
        ? {
            find: command.find,
            filter: command.filter,
            ...(command.sort && { sort: command.sort }),
            ...(command.limit && { limit: command.limit }),
          }
        : { update: command.update, updates: command.updates };
    const plan = await client.db(database.name).command({ explain: explained, verbosity: 'queryPlanner' });
    result[JSON.stringify(command.filter ?? command.updates?.[0]?.q)] = wholeReads(plan.queryPlanner ?? plan);
  }
  return result;
}

const at = new Date('2026-03-02T00:00:00Z');

test.each<[string, (catalog: Catalog) => Promise<unknown>]>([
  ['browse a folder now', (catalog) => catalog.browse('mailbox:user-3', 'folder-2')],
  ['browse a folder as of an instant', (catalog) => catalog.browse('mailbox:user-3', 'folder-2', at)],
  ['search the tenant for two words', (catalog) => catalog.search({ words: ['preventivo', 'n7'] })],
  [
    'search one mailbox for a word',
    (catalog) => catalog.search({ words: ['fattura'], resourceIds: ['mailbox:user-4'] }),
  ],
  ['the history of an item', (catalog) => catalog.history('mailbox:user-5', 'm-5-1-7')],
  ['the messages of a conversation', (catalog) => catalog.conversation('mailbox:user-6', 'conv-6-3')],
  [
    'the current versions of a page of items',
    (catalog) => catalog.currentVersions('mailbox:user-7', ['m-7-0-1', 'm-7-0-2']),
  ],
  ['the folders of a resource', (catalog) => catalog.listFolders('mailbox:user-8')],
  ['the delta cursors of a resource', (catalog) => catalog.deltaCursorsOf('mailbox:user-9')],
  [
    'the bytes a completed backup of a resource counts',
    () => currentBytesOfResource(client.db(database.name), 'tenant-plans', 'mailbox:user-10'),
  ],
])('%s reads no whole collection', async (_name, act) => {
  const plans = await scansOfQueriesIn(act);
  expect(Object.keys(plans).length).toBeGreaterThan(0);
  expect(plans).toEqual(Object.fromEntries(Object.keys(plans).map((query) => [query, []])));
});

test('the check sees a scan where there is one: a filter on a field no index holds', async () => {
  const plan = await client
    .db(database.name)
    .command({ explain: { find: 'itemVersions', filter: { size: 2_000 } }, verbosity: 'queryPlanner' });
  expect(wholeReads(plan.queryPlanner ?? plan).length).toBeGreaterThan(0);
});
