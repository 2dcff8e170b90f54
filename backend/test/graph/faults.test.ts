import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { GraphGateway, type ResourceKey } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;

beforeAll(async () => {
  database = await openTestDatabase('graphfaults');
  simulator = await startSimulator({ generate: { users: 1, messagesPerUser: 40, filesPerUser: 3, seed: 21 } });
  gateway = await GraphGateway.open({
    connection: connectionTo(simulator),
    db: database.db,
    limits: { backoffBaseMs: 20, backoffMaxMs: 200 },
  });
});
afterEach(() => simulator.control.setFaults({}));
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function mailboxAndMessages() {
  const user = simulator.control.listUsers()[0]!;
  const ids = simulator.control
    .listMailFolders(user.id)
    .flatMap((folder) => simulator.control.listMessages(user.id, folder.id).map((message) => message.id));
  return { user, mailbox: { kind: 'mailbox', userId: user.id } as ResourceKey, ids };
}

test('a storm of 503s and connections reset mid-body slows a sequence of JSON reads but fails none', async () => {
  const { user, mailbox, ids } = mailboxAndMessages();
  const clean = await Promise.all(
    ids.map((id) =>
      gateway.getJson<{ id: string; subject: string }>(`/users/${user.id}/messages/${id}`, { resource: mailbox }),
    ),
  );
  const before = gateway.counters().total;
  simulator.control.setFaults({ seed: 7, rate503: 0.1, resetRate: 0.1 });

  const stormy = await Promise.all(
    ids.map((id) =>
      gateway.getJson<{ id: string; subject: string }>(`/users/${user.id}/messages/${id}`, { resource: mailbox }),
    ),
  );

  expect(stormy).toEqual(clean);
  const after = gateway.counters().total;
  // Every fault cost one more attempt, and every repeated attempt is counted.
  expect(after.retries - before.retries).toBeGreaterThan(0);
  expect(after.requests - before.requests).toBe(ids.length + (after.retries - before.retries));
});

test('message MIME read through resets arrives whole and byte-identical', async () => {
  const { user, mailbox, ids } = mailboxAndMessages();
  const sample = ids.slice(0, 12);
  const expected = await Promise.all(
    sample.map(async (id) =>
      sha256(
        await bytesOf(
          (await gateway.getStream(`/users/${user.id}/messages/${id}/$value`, { resource: mailbox })).stream,
        ),
      ),
    ),
  );
  const before = gateway.counters().total.retries;
  simulator.control.setFaults({ seed: 3, resetRate: 0.5 });

  const actual: string[] = [];
  for (const id of sample) {
    const { stream } = await gateway.getStream(`/users/${user.id}/messages/${id}/$value`, { resource: mailbox });
    actual.push(sha256(await bytesOf(stream)));
  }

  expect(actual).toEqual(expected);
  expect(gateway.counters().total.retries - before).toBeGreaterThan(0);
});

test('file content follows the redirect to the download URL, and a range returns exactly those bytes', async () => {
  const user = simulator.control.listUsers()[0]!;
  const drive: ResourceKey = { kind: 'drive', driveId: user.driveId };
  const itemId = simulator.control.addFile(user.driveId, '/', 'grande.bin', { size: 3 * 1024 * 1024 + 17, seed: 5 });
  const whole = await bytesOf(simulator.control.fileContent(user.driveId, itemId));

  const download = await gateway.getStream(`/drives/${user.driveId}/items/${itemId}/content`, { resource: drive });
  expect(download.size).toBe(whole.length);
  expect(sha256(await bytesOf(download.stream))).toBe(await simulator.control.fileSha256(user.driveId, itemId));

  const range = { start: 1_000_000, end: 2_000_000 };
  const part = await gateway.getStream(`/drives/${user.driveId}/items/${itemId}/content`, { resource: drive, range });
  expect(part.size).toBe(range.end - range.start + 1);
  expect((await bytesOf(part.stream)).equals(whole.subarray(range.start, range.end + 1))).toBe(true);
});
