import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type TenantDefinition } from '../src/index.js';
import { appGraph, appToken, rawGraph, readAllPages } from './support/clients.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('generated tenants', () => {
  let big: RunningSimulator;

  beforeAll(async () => {
    big = await startSimulator({ generate: { users: 1000, messagesPerUser: 1000, filesPerUser: 20, seed: 7 } });
  });

  afterAll(async () => {
    await big.stop();
  });

  test('1,000 users x 1,000 messages: any mailbox serves its messages without the others being built', async () => {
    const graph = await appGraph(big);
    const users = await readAllPages<{ id: string }>(graph, '/users?$top=999');
    expect(users.items).toHaveLength(1000);
    const last = users.items[999]?.id ?? '';
    const folders = big.control.listMailFolders(last);
    expect(folders.reduce((total, folder) => total + folder.messageCount, 0)).toBe(1000);
    const inbox = await readAllPages<{ id: string }>(
      graph,
      `/users/${last}/mailFolders/inbox/messages/delta?$select=subject`,
      { Prefer: 'odata.maxpagesize=500' },
    );
    expect(inbox.items.length).toBe(folders.find((folder) => folder.wellKnownName === 'inbox')?.messageCount);
  });

  test('the same seed gives the same MIME; generated MIME is multipart with real attachments shared across mailboxes', async () => {
    const again = await startSimulator({ generate: { users: 1000, messagesPerUser: 1000, filesPerUser: 20, seed: 7 } });
    try {
      const [user] = big.control.listUsers();
      const inbox = big.control.listMessages(user?.id ?? '', 'inbox');
      const hashes = inbox.slice(0, 20).map((message) => sha256(big.control.messageMime(user?.id ?? '', message.id)));
      const same = again.control
        .listMessages(user?.id ?? '', 'inbox')
        .slice(0, 20)
        .map((message) => sha256(again.control.messageMime(user?.id ?? '', message.id)));
      expect(same).toEqual(hashes);
    } finally {
      await again.stop();
    }
    const graph = await appGraph(big);
    const attachmentHashes = new Map<string, Set<string>>();
    for (const user of big.control.listUsers().slice(0, 5)) {
      const page = (await graph.client
        .api(`/users/${user.id}/mailFolders/inbox/messages?$top=200&$select=hasAttachments`)
        .get()) as { value: Array<{ id: string; hasAttachments: boolean }> };
      for (const message of page.value.filter((candidate) => candidate.hasAttachments).slice(0, 3)) {
        const mime = big.control.messageMime(user.id, message.id).toString('latin1');
        expect(mime).toMatch(/Content-Type: multipart\/mixed/);
        const attachments = (await graph.client.api(`/users/${user.id}/messages/${message.id}/attachments`).get()) as {
          value: Array<{ name: string; contentBytes: string; isInline: boolean }>;
        };
        for (const attachment of attachments.value.filter((candidate) => !candidate.isInline)) {
          const set = attachmentHashes.get(attachment.name) ?? new Set();
          set.add(`${user.id}:${sha256(Buffer.from(attachment.contentBytes, 'base64'))}`);
          attachmentHashes.set(attachment.name, set);
        }
      }
    }
    const shared = [...attachmentHashes.values()].find(
      (set) => new Set([...set].map((entry) => entry.split(':')[0])).size > 1,
    );
    expect(shared).toBeDefined();
    expect(new Set([...(shared ?? [])].map((entry) => entry.split(':')[1])).size).toBe(1);
  });

  test('unchanged mailboxes are rebuilt identically after eviction; changed ones keep their changes', async () => {
    const users = big.control.listUsers();
    const pristine = users[10]?.id ?? '';
    const changed = users[11]?.id ?? '';
    const before = big.control.listMessages(pristine, 'inbox').map((message) => message.id);
    const added = big.control.addMessage(changed, 'inbox', 'Subject: Ripristino\r\nFrom: <a@b.c>\r\n\r\nCiao\r\n');
    for (const user of users.slice(100, 300)) big.control.listMailFolders(user.id);
    expect(big.control.listMessages(pristine, 'inbox').map((message) => message.id)).toEqual(before);
    expect(big.control.listMessages(changed, 'inbox').map((message) => message.id)).toContain(added);
  });

  test('folder names include unicode and names over 100 characters', () => {
    const names = big.control
      .listUsers()
      .slice(0, 30)
      .flatMap((user) => big.control.listMailFolders(user.id).map((folder) => folder.displayName));
    expect(names.some((name) => name.length > 100)).toBe(true);
    expect(names).toContain('日本のパートナー');
  });

  test('a 2 GiB file streams by range from its seed, matching the control API bytes', async () => {
    const driveId = big.control.listUsers()[0]?.driveId ?? '';
    const itemId = big.control.findDriveItem(driveId, 'Archivio video 2 GB.zip') ?? '';
    const token = await appToken(big);
    const redirect = await rawGraph(big, token, `/drives/${driveId}/items/${itemId}/content`);
    const size = 2 * 1024 * 1024 * 1024;
    const tail = await fetch(redirect.headers.get('location') ?? '', { headers: { range: `bytes=${size - 100000}-` } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 100000}-${size - 1}/${size}`);
    const bytes = Buffer.from(await tail.arrayBuffer());
    expect(bytes.length).toBe(100000);
    const head = await fetch(redirect.headers.get('location') ?? '', { headers: { range: 'bytes=0-65535' } });
    const firstBlock = Buffer.from(await head.arrayBuffer());
    const control = big.control.fileContent(driveId, itemId);
    const chunks: Buffer[] = [];
    for await (const chunk of control) {
      chunks.push(chunk as Buffer);
      if (Buffer.concat(chunks).length >= 65536) break;
    }
    control.destroy();
    expect(Buffer.concat(chunks).subarray(0, 65536)).toEqual(firstBlock);
  });
});

describe('tenant files', () => {
  test('a tenant JSON file is loaded with its users, raw MIME messages, files and teams', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'tenant-'));
    const definition: TenantDefinition = {
      displayName: 'Prova S.r.l.',
      domain: 'prova.onmicrosoft.com',
      users: [
        {
          userPrincipalName: 'mario@prova.onmicrosoft.com',
          displayName: 'Mario Bianchi',
          mailbox: {
            folders: [
              {
                displayName: 'Inbox',
                wellKnownName: 'inbox',
                messages: [{ mime: 'Subject: Ciao\r\nFrom: <a@b.c>\r\n\r\nCorpo\r\n' }],
              },
            ],
          },
          drive: { items: [{ name: 'Cartella', children: [{ name: 'a.txt', content: 'ciao' }] }] },
        },
      ],
      groups: [{ displayName: 'Tutti', mailNickname: 'tutti', members: ['mario@prova.onmicrosoft.com'] }],
      teams: [
        {
          group: 'tutti',
          channels: [
            { displayName: 'General', messages: [{ from: 'mario@prova.onmicrosoft.com', body: 'Ciao a tutti' }] },
          ],
        },
      ],
    };
    const path = join(directory, 'tenant.json');
    await writeFile(path, JSON.stringify(definition));
    const sim = await startSimulator({ tenant: path });
    try {
      const graph = await appGraph(sim);
      const user = (await graph.client.api('/users/mario@prova.onmicrosoft.com').get()) as { id: string };
      const inbox = await readAllPages<{ subject: string }>(
        graph,
        `/users/${user.id}/mailFolders/inbox/messages/delta`,
      );
      expect(inbox.items.map((message) => message.subject)).toEqual(['Ciao']);
      const file = (await graph.client.api(`/users/${user.id}/drive/root:/Cartella/a.txt`).get()) as { size: number };
      expect(file.size).toBe(4);
      expect(sim.control.listTeams()[0]?.channels[0]?.displayName).toBe('General');
    } finally {
      await sim.stop();
      await rm(directory, { recursive: true });
    }
  });
});
