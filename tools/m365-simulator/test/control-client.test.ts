// RemoteSimulatorControl drives a simulator in another process over `/_sim`: here the same simulator is read through
// both surfaces, so every remote answer and change is checked against the in-process control.
import { RemoteSimulatorControl, startSimulator, type RunningSimulator } from '../src/index.js';
import { appToken, rawGraph } from './support/clients.js';

let sim: RunningSimulator;
let remote: RemoteSimulatorControl;

beforeAll(async () => {
  sim = await startSimulator({ generate: { users: 2, messagesPerUser: 10, filesPerUser: 3, seed: 5 } });
  remote = new RemoteSimulatorControl(sim.url);
});

afterAll(async () => {
  await sim.stop();
});

test('lists users, folders, messages and drives as the in-process control does', async () => {
  expect(await remote.listUsers()).toEqual(sim.control.listUsers());
  expect(await remote.listDrives()).toEqual(sim.control.listDrives());
  const user = sim.control.listUsers()[0]!.id;
  expect(await remote.listMailFolders(user)).toEqual(sim.control.listMailFolders(user));
  for (const folder of sim.control.listMailFolders(user))
    expect(await remote.listMessages(user, folder.id)).toEqual(sim.control.listMessages(user, folder.id));
});

test('delivers, flags, moves and deletes a message', async () => {
  const user = sim.control.listUsers()[1]!.id;
  const mime = 'Subject: Ordine\r\nFrom: <f@example.com>\r\n\r\nArrivato.\r\n';
  const id = await remote.addMessage(user, 'inbox', mime, { isRead: true });
  expect(sim.control.messageMime(user, id).toString('utf8')).toBe(mime);
  expect(sim.control.listMessages(user, 'inbox').find((message) => message.id === id)?.isRead).toBe(true);
  await remote.updateMessage(user, id, { isRead: false });
  expect(sim.control.listMessages(user, 'inbox').find((message) => message.id === id)?.isRead).toBe(false);
  const moved = await remote.moveMessage(user, id, 'archive');
  expect(sim.control.listMessages(user, 'archive').map((message) => message.id)).toContain(moved);
  await remote.deleteMessage(user, moved);
  expect(sim.control.listMessages(user, 'archive').map((message) => message.id)).not.toContain(moved);
  await expect(remote.deleteMessage(user, moved)).rejects.toThrow(/answered 400/);
});

test('adds, finds by path, replaces and deletes a file', async () => {
  const driveId = sim.control.listUsers()[0]!.driveId;
  const id = await remote.addFile(driveId, '', 'Nota.txt', Buffer.from('prima versione\n'));
  expect(await remote.findDriveItem(driveId, 'Nota.txt')).toBe(id);
  expect(await remote.findDriveItem(driveId, 'Nessuno.txt')).toBeUndefined();
  await remote.updateFile(driveId, id, { size: 70_000, seed: 3 });
  expect(sim.control.listDriveFiles(driveId).find((file) => file.id === id)?.size).toBe(70_000);
  await remote.deleteDriveItem(driveId, id);
  expect(sim.control.findDriveItem(driveId, 'Nota.txt')).toBeUndefined();
});

test('reads and resets the request counters', async () => {
  const user = sim.control.listUsers()[0]!.id;
  await remote.resetCounters();
  const response = await rawGraph(sim, await appToken(sim), `/users/${user}/mailFolders`);
  await response.body?.cancel();
  const counters = await remote.counters();
  expect(counters).toEqual(sim.control.counters());
  expect(counters.byResource[`mailbox:${user}`]?.requests).toBe(1);
  await remote.resetCounters();
  expect((await remote.counters()).total.requests).toBe(0);
});
