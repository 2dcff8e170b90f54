// The simulator memoizes what it derives (encoded export streams, shared attachments, seeded file blocks, base64
// lines): a client must never see the difference. Same item, same bytes; a changed item, new bytes that are exactly
// what encoding the changed item gives.
import { createHash } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '../src/index.js';
import { decodeFidelityStream, encodeFidelityStream } from '../src/model/fidelity-stream.js';
import { appToken, rawGraph } from './support/clients.js';

let sim: RunningSimulator;
let token: string;
let userId: string;
let mailboxId: string;
let messageIds: string[];

beforeAll(async () => {
  sim = await startSimulator({ generate: { users: 2, messagesPerUser: 40, filesPerUser: 3, seed: 11 } });
  token = await appToken(sim);
  const user = sim.control.listUsers()[0]!;
  userId = user.id;
  mailboxId = sim.control.mailboxId(userId);
  messageIds = sim.control
    .listMailFolders(userId)
    .flatMap((folder) => sim.control.listMessages(userId, folder.id).map((message) => message.id));
});

afterAll(async () => {
  await sim.stop();
});

interface Exported {
  itemId: string;
  changeKey: string;
  data: string;
}

async function exportItems(itemIds: string[]): Promise<Exported[]> {
  const response = await rawGraph(sim, token, `/admin/exchange/mailboxes/${mailboxId}/exportItems`, {
    method: 'POST',
    body: JSON.stringify({ itemIds }),
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: Exported[] }).value;
}

async function bytesOf(path: string): Promise<Buffer> {
  let response = await rawGraph(sim, token, path);
  const location = response.headers.get('location');
  if (response.status === 302 && location) response = await fetch(location);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** What encoding the stream's own item gives: the stream was not served from a stale memo of another item state. */
function reencoded(data: string): string {
  return encodeFidelityStream(decodeFidelityStream(Buffer.from(data, 'base64'))).toString('base64');
}

test('exporting the same items twice gives the same streams, each the encoding of the item it holds', async () => {
  const ids = messageIds.slice(0, 20);
  const first = await exportItems(ids);
  const second = await exportItems(ids);
  expect(second).toEqual(first);
  for (const entry of first) expect(reencoded(entry.data)).toBe(entry.data);
});

test("a flagged, recategorized or moved message's stream changes with it", async () => {
  const [flagged, categorized, moved] = messageIds.slice(20, 23) as [string, string, string];
  const [beforeFlag, beforeCategories, beforeMove] = await exportItems([flagged, categorized, moved]);
  sim.control.updateMessage(userId, flagged, { flagged: true });
  sim.control.updateMessage(userId, categorized, { categories: ['Fatture'] });
  const movedId = sim.control.moveMessage(userId, moved, 'deleteditems');
  const [afterFlag, afterCategories, afterMove] = await exportItems([flagged, categorized, movedId]);

  expect(afterFlag!.data).not.toBe(beforeFlag!.data);
  expect(afterFlag!.changeKey).not.toBe(beforeFlag!.changeKey);
  const flaggedItem = decodeFidelityStream(Buffer.from(afterFlag!.data, 'base64'));
  expect(flaggedItem.kind === 'message' && flaggedItem.message.flag).toEqual({ flagStatus: 'flagged' });

  expect(afterCategories!.data).not.toBe(beforeCategories!.data);
  const categorizedItem = decodeFidelityStream(Buffer.from(afterCategories!.data, 'base64'));
  expect(categorizedItem.kind === 'message' && categorizedItem.message.categories).toEqual(['Fatture']);

  // A moved message is a new record with a new id: the message it holds is still the one moved.
  const movedItem = decodeFidelityStream(Buffer.from(afterMove!.data, 'base64'));
  const movedBefore = decodeFidelityStream(Buffer.from(beforeMove!.data, 'base64'));
  expect(movedItem.kind === 'message' && movedItem.message.mime).toEqual(
    movedBefore.kind === 'message' && movedBefore.message.mime,
  );
  for (const entry of [afterFlag!, afterCategories!, afterMove!]) expect(reencoded(entry.data)).toBe(entry.data);
});

test("a message's $value and a file's content read twice are the same bytes, the file's those of its digest", async () => {
  for (const id of messageIds.slice(0, 10)) {
    const path = `/users/${userId}/messages/${encodeURIComponent(id)}/$value`;
    expect((await bytesOf(path)).equals(await bytesOf(path))).toBe(true);
    expect((await bytesOf(path)).equals(sim.control.messageMime(userId, id))).toBe(true);
  }
  const driveId = sim.control.listUsers()[0]!.driveId;
  const files = sim.control.listDriveFiles(driveId).filter((file) => file.size < 10_000_000);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const path = `/drives/${driveId}/items/${file.id}/content`;
    const first = await bytesOf(path);
    const second = await bytesOf(path);
    expect(second.equals(first)).toBe(true);
    expect(createHash('sha256').update(first).digest('hex')).toBe(await sim.control.fileSha256(driveId, file.id));
  }
});
