import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';

/**
 * A mailbox's first run reads its calendar and contacts only when the mailbox's folder list (the import/export API's
 * folder delta) shows them holding something, as later runs do: of two mailboxes, the one with an empty calendar and
 * no contacts costs no calendar or contact read, and the other's contact and event are backed up.
 */
let harness: BackupHarness;
beforeAll(async () => {
  harness = await startBackupHarness({ generate: { users: 2, messagesPerUser: 10, filesPerUser: 0, seed: 11 } });
}, 600_000);
afterAll(() => harness?.stop());

test('a first run reads the calendar and contacts of the mailbox that holds some, and not of the empty one', async () => {
  const control = harness.sim.control;
  const [quiet, busy] = control.listUsers();
  const contact = control.addContact(busy!.id, { givenName: 'Ettore', surname: 'Fieramosca' });
  const event = control.addEvent(busy!.id, {
    subject: 'Riunione fornitori',
    start: '2026-12-09T09:00:00Z',
    end: '2026-12-09T10:00:00Z',
  });

  control.resetCounters();
  await harness.backUpMailboxes('Caselle');
  const operations = control.counters().byEndpoint;
  expect(operations['GET /users/:userId/events']?.requests).toBe(1);
  // The one-item listings that find the default Contacts folder: the busy mailbox's only.
  expect(operations['GET /users/:userId/contactFolders']?.requests).toBe(1);
  expect(operations['GET /users/:userId/contacts']?.requests).toBe(1);
  // Both mailboxes' folder lists were read, once each.
  expect(operations['GET /admin/exchange/mailboxes/:mailboxId/folders/delta']?.requests).toBe(2);

  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const busyItems = await catalog.currentItems(`mailbox:${busy!.id}`);
  expect(busyItems.filter((version) => version.kind === 'contact').map((version) => version.graphId)).toEqual([
    contact,
  ]);
  expect(busyItems.filter((version) => version.kind === 'event').map((version) => version.graphId)).toEqual([event]);
  const quietKinds = new Set((await catalog.currentItems(`mailbox:${quiet!.id}`)).map((version) => version.kind));
  expect(quietKinds.has('contact') || quietKinds.has('event')).toBe(false);
}, 600_000);
