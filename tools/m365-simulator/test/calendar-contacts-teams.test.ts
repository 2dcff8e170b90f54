import { readAllPages } from './support/clients.js';
import { simulatedDemoTenant } from './support/demo-tenant.js';

const tenant = simulatedDemoTenant();

interface Entry {
  id: string;
  subject?: string;
  displayName?: string;
  type?: string;
  '@removed'?: { reason: string };
}

describe('calendar', () => {
  const window = '?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-03-01T00:00:00Z';

  // https://learn.microsoft.com/graph/api/event-delta
  test('calendarView/delta needs a window, returns single events and series occurrences in it, then only changes', async () => {
    await expect(tenant.graph.client.api(`/users/${tenant.userId}/calendarView/delta`).get()).rejects.toMatchObject({
      statusCode: 400,
    });
    const first = await readAllPages<Entry>(tenant.graph, `/users/${tenant.userId}/calendarView/delta${window}`);
    const weekly = first.items.filter((event) => event.type === 'occurrence') as Array<
      Entry & { start: { dateTime: string } }
    >;
    expect(weekly.map((event) => event.start.dateTime.slice(0, 10))).toEqual([
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
    ]);
    const single = first.items.filter((event) => event.type === 'singleInstance');
    expect(single.map((event) => event.subject)).toEqual(['Visita cliente a Bergamo']);
    const outside = tenant.sim.control.addEvent(tenant.userId, {
      subject: 'Fuori finestra',
      start: '2027-05-01T10:00:00Z',
      end: '2027-05-01T11:00:00Z',
    });
    const inside = tenant.sim.control.addEvent(tenant.userId, {
      subject: 'Dentro la finestra',
      start: '2026-02-10T10:00:00Z',
      end: '2026-02-10T11:00:00Z',
    });
    const removed = first.items.find((event) => event.subject === 'Visita cliente a Bergamo')?.id ?? '';
    tenant.sim.control.deleteEvent(tenant.userId, removed);
    const round = await readAllPages<Entry>(tenant.graph, tenant.graph.path(first.deltaLink ?? ''));
    expect(round.items.map((event) => event.id).sort()).toEqual([inside, removed].sort());
    expect(round.items.find((event) => event.id === removed)?.['@removed']).toEqual({ reason: 'deleted' });
    expect(round.items.some((event) => event.id === outside)).toBe(false);
  });

  // https://learn.microsoft.com/graph/api/event-delta (a deleted series: each of its occurrences is removed)
  test('deleting a series reports each of its occurrences in the window as removed', async () => {
    const user = tenant.sim.control.listUsers()[6]?.id ?? '';
    const first = await readAllPages<Entry>(tenant.graph, `/users/${user}/calendarView/delta${window}`);
    const occurrences = first.items.filter((event) => event.type === 'occurrence');
    const master = (occurrences[0] as Entry & { seriesMasterId: string }).seriesMasterId;
    await tenant.graph.client.api(`/users/${user}/events/${master}`).delete();
    const round = await readAllPages<Entry>(tenant.graph, tenant.graph.path(first.deltaLink ?? ''));
    expect(round.items.every((event) => event['@removed'])).toBe(true);
    expect(round.items.map((event) => event.id).sort()).toEqual(occurrences.map((event) => event.id).sort());
  });

  // https://learn.microsoft.com/graph/api/event-list-instances (recurrence)
  test('a weekly series expands into its occurrences in a window', async () => {
    const events = (await tenant.graph.client.api(`/users/${tenant.userId}/events`).get()) as { value: Entry[] };
    const series = events.value.find((event) => event.type === 'seriesMaster');
    const instances = (await tenant.graph.client
      .api(
        `/users/${tenant.userId}/events/${series?.id ?? ''}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-02-01T00:00:00Z`,
      )
      .get()) as {
      value: Array<Entry & { start: { dateTime: string }; seriesMasterId: string }>;
    };
    expect(instances.value.map((occurrence) => occurrence.start.dateTime.slice(0, 10))).toEqual([
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ]);
    expect(
      instances.value.every(
        (occurrence) => occurrence.type === 'occurrence' && occurrence.seriesMasterId === series?.id,
      ),
    ).toBe(true);
  });

  // https://learn.microsoft.com/graph/api/user-post-events (attendees receive invitations)
  test('creating an event without attendees sends nothing; with attendees it sends invitations', async () => {
    const before = tenant.sim.control.outbox().length;
    const restored = (await tenant.graph.client.api(`/users/${tenant.userId}/events`).post({
      subject: 'Ripristinato',
      body: { contentType: 'text', content: 'Partecipanti: anna@example.com' },
      start: { dateTime: '2026-02-20T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-02-20T10:00:00', timeZone: 'UTC' },
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2026-02-20', numberOfOccurrences: 3 },
      },
    })) as Entry;
    expect(restored.type).toBe('seriesMaster');
    expect(tenant.sim.control.outbox()).toHaveLength(before);
    await tenant.graph.client.api(`/users/${tenant.userId}/events`).post({
      subject: 'Con invitati',
      start: { dateTime: '2026-02-21T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-02-21T10:00:00', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'anna@example.com' }, type: 'required' }],
    });
    expect(tenant.sim.control.outbox()).toHaveLength(before + 1);
  });
});

describe('contacts', () => {
  // https://learn.microsoft.com/graph/api/contact-delta; the default folder's id is its contacts' parentFolderId
  // (https://learn.microsoft.com/graph/api/user-list-contacts), as /contactFolders lists only its child folders.
  test('contacts/delta per folder returns contacts, then additions and removals', async () => {
    const folders = (await tenant.graph.client.api(`/users/${tenant.userId}/contactFolders`).get()) as {
      value: Entry[];
    };
    expect(folders.value).toEqual([]);
    const contacts = (await tenant.graph.client.api(`/users/${tenant.userId}/contacts?$top=1`).get()) as {
      value: Array<{ parentFolderId: string }>;
    };
    const folderId = contacts.value[0]?.parentFolderId ?? '';
    const first = await readAllPages<Entry>(
      tenant.graph,
      `/users/${tenant.userId}/contactFolders/${folderId}/contacts/delta`,
    );
    expect(first.items.map((contact) => contact.displayName).sort()).toEqual(['Anna Schmidt', 'Paolo Verdi']);
    const added = tenant.sim.control.addContact(tenant.userId, {
      givenName: 'Lucia',
      surname: 'Neri',
      email: 'lucia@example.com',
    });
    const removed = first.items[0]?.id ?? '';
    tenant.sim.control.deleteContact(tenant.userId, removed);
    const round = await readAllPages<Entry>(tenant.graph, tenant.graph.path(first.deltaLink ?? ''));
    expect(round.items.map((contact) => contact.id).sort()).toEqual([added, removed].sort());
    expect(round.items.find((contact) => contact.id === removed)?.['@removed']).toEqual({ reason: 'deleted' });
  });
});

describe('teams', () => {
  // https://learn.microsoft.com/graph/api/channel-list and channel-list-messages, chatmessage-list-replies
  test('channels list; messages and their replies are readable', async () => {
    const [sales] = tenant.sim.control.listTeams().filter((team) => team.displayName === 'Vendite');
    const channels = (await tenant.graph.client.api(`/teams/${sales?.id ?? ''}/channels`).get()) as { value: Entry[] };
    expect(channels.value.map((channel) => channel.displayName)).toEqual(['General', 'Offerte']);
    const general = channels.value[0]?.id ?? '';
    const messages = (await tenant.graph.client
      .api(`/teams/${sales?.id ?? ''}/channels/${general}/messages`)
      .get()) as {
      value: Array<Entry & { body: { content: string } }>;
    };
    const withReply = messages.value.find((message) => message.body.content.includes('listino'));
    const replies = (await tenant.graph.client
      .api(`/teams/${sales?.id ?? ''}/channels/${general}/messages/${withReply?.id ?? ''}/replies`)
      .get()) as { value: Array<{ replyToId: string; body: { content: string } }> };
    expect(replies.value).toHaveLength(1);
    expect(replies.value[0]?.replyToId).toBe(withReply?.id);
  });

  // https://learn.microsoft.com/graph/api/chatmessage-delta
  test('messages/delta reports new messages and messages with new replies', async () => {
    const [sales] = tenant.sim.control.listTeams().filter((team) => team.displayName === 'Vendite');
    const teamId = sales?.id ?? '';
    const channelId = sales?.channels[0]?.id ?? '';
    const first = await readAllPages<Entry>(tenant.graph, `/teams/${teamId}/channels/${channelId}/messages/delta`);
    expect(first.items).toHaveLength(2);
    const user = tenant.sim.control.listUsers()[1]?.userPrincipalName ?? '';
    const posted = tenant.sim.control.addChannelMessage(teamId, channelId, user, '<p>Nuovo messaggio</p>');
    const parent = first.items[0]?.id ?? '';
    tenant.sim.control.addChannelMessage(teamId, channelId, user, '<p>Risposta</p>', parent);
    const round = await readAllPages<Entry>(tenant.graph, tenant.graph.path(first.deltaLink ?? ''));
    expect(round.items.map((message) => message.id).sort()).toEqual([posted, parent].sort());
  });
});
