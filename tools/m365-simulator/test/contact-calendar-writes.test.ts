import { simulatedDemoTenant } from './support/demo-tenant.js';

const tenant = simulatedDemoTenant();

const markerId = 'String {6e1f3c52-9b8d-4a27-8f3e-2d1c0b9a8e71} Name CustodiaRestoreMarker';
const expandMarker = `$expand=singleValueExtendedProperties($filter=id eq '${markerId}')`;

interface Named {
  id: string;
  displayName?: string;
  name?: string;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

describe('contact folders and contacts', () => {
  // https://learn.microsoft.com/graph/api/user-post-contactfolders, /graph/api/contactfolder-post-childfolders
  test('top-level and child folders are created, listed at their level, and a taken name answers 409', async () => {
    const top = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contactFolders`)
      .post({ displayName: 'Ripristino 2026' })) as Named;
    await expect(
      tenant.graph.client.api(`/users/${tenant.userId}/contactFolders`).post({ displayName: 'ripristino 2026' }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'ErrorFolderExists' });
    const child = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contactFolders/${top.id}/childFolders`)
      .post({ displayName: 'Contatti' })) as Named;
    const topLevel = (await tenant.graph.client.api(`/users/${tenant.userId}/contactFolders`).get()) as {
      value: Named[];
    };
    expect(topLevel.value.map((folder) => folder.displayName)).toContain('Ripristino 2026');
    expect(topLevel.value.map((folder) => folder.id)).not.toContain(child.id);
    const children = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contactFolders/${top.id}/childFolders`)
      .get()) as {
      value: Named[];
    };
    expect(children.value.map((folder) => folder.id)).toEqual([child.id]);
  });

  // https://learn.microsoft.com/graph/api/contactfolder-post-contacts, /graph/api/singlevaluelegacyextendedproperty-get
  test('a created contact keeps its details; its extended property comes back only when expanded; delete removes it', async () => {
    const folder = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contactFolders`)
      .post({ displayName: 'Fornitori' })) as Named;
    const created = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contactFolders/${folder.id}/contacts`)
      .post({
        givenName: 'Zoë',
        surname: 'Núñez',
        emailAddresses: [{ name: 'Zoë Núñez', address: 'zoe@example.com' }],
        jobTitle: 'Direttrice',
        businessPhones: ['+39 02 1234'],
        businessAddress: { street: 'Via Dante 7', city: 'Milano' },
        singleValueExtendedProperties: [{ id: markerId, value: 'r1/7' }],
      })) as Named & { jobTitle: string; parentFolderId: string };
    expect(created).toMatchObject({ displayName: 'Zoë Núñez', jobTitle: 'Direttrice', parentFolderId: folder.id });

    const plain = (await tenant.graph.client.api(`/users/${tenant.userId}/contacts/${created.id}`).get()) as Named;
    expect(plain.singleValueExtendedProperties).toBeUndefined();
    const expanded = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contacts/${created.id}?${expandMarker}`)
      .get()) as Named & {
      businessAddress: unknown;
    };
    expect(expanded.singleValueExtendedProperties).toEqual([{ id: markerId, value: 'r1/7' }]);
    expect(expanded.businessAddress).toEqual({ street: 'Via Dante 7', city: 'Milano' });
    const listed = (await tenant.graph.client
      .api(`/users/${tenant.userId}/contactFolders/${folder.id}/contacts?$select=id,displayName&${expandMarker}`)
      .get()) as { value: Named[] };
    expect(listed.value).toMatchObject([
      { id: created.id, displayName: 'Zoë Núñez', singleValueExtendedProperties: [{ id: markerId, value: 'r1/7' }] },
    ]);

    await tenant.graph.client.api(`/users/${tenant.userId}/contacts/${created.id}`).delete();
    await expect(tenant.graph.client.api(`/users/${tenant.userId}/contacts/${created.id}`).get()).rejects.toMatchObject(
      {
        statusCode: 404,
      },
    );
  });
});

describe('calendars and events', () => {
  const event = {
    subject: 'Riunione',
    body: { contentType: 'html', content: '<p>Ordine del giorno</p>' },
    start: { dateTime: '2026-01-12T09:00:00', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2026-01-12T10:00:00', timeZone: 'W. Europe Standard Time' },
    showAs: 'tentative',
    importance: 'high',
  };

  // https://learn.microsoft.com/graph/api/user-post-calendars, /graph/api/calendar-post-events, /graph/api/user-list-events
  // (times in UTC unless Prefer: outlook.timezone, the zone it was created in as originalStartTimeZone)
  test('an event created in a new calendar stays out of the default calendar and keeps its time zone and details', async () => {
    const calendar = (await tenant.graph.client
      .api(`/users/${tenant.userId}/calendars`)
      .post({ name: 'Restored 2026' })) as Named;
    await expect(
      tenant.graph.client.api(`/users/${tenant.userId}/calendars`).post({ name: 'restored 2026' }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    const calendars = (await tenant.graph.client.api(`/users/${tenant.userId}/calendars`).get()) as {
      value: Array<Named & { isDefaultCalendar: boolean }>;
    };
    expect(calendars.value.map((entry) => [entry.name, entry.isDefaultCalendar])).toEqual([
      ['Calendario', true],
      ['Restored 2026', false],
    ]);
    const created = (await tenant.graph.client
      .api(`/users/${tenant.userId}/calendars/${calendar.id}/events`)
      .post({ ...event, singleValueExtendedProperties: [{ id: markerId, value: 'r2/1' }] })) as Named;
    const inCalendar = (await tenant.graph.client
      .api(`/users/${tenant.userId}/calendars/${calendar.id}/events?$select=id,subject&${expandMarker}`)
      .get()) as { value: Named[] };
    expect(inCalendar.value).toMatchObject([
      { id: created.id, subject: 'Riunione', singleValueExtendedProperties: [{ id: markerId, value: 'r2/1' }] },
    ]);
    const inDefault = (await tenant.graph.client.api(`/users/${tenant.userId}/events?$top=1000`).get()) as {
      value: Named[];
    };
    expect(inDefault.value.map((entry) => entry.id)).not.toContain(created.id);
    const read = (await tenant.graph.client.api(`/users/${tenant.userId}/events/${created.id}`).get()) as Record<
      string,
      unknown
    >;
    expect(read).toMatchObject({
      start: { dateTime: '2026-01-12T08:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-01-12T09:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'W. Europe Standard Time',
      originalEndTimeZone: 'W. Europe Standard Time',
      body: event.body,
      showAs: 'tentative',
      importance: 'high',
      attendees: [],
    });
    const inItsZone = (await tenant.graph.client
      .api(`/users/${tenant.userId}/events/${created.id}`)
      .header('Prefer', 'outlook.timezone="W. Europe Standard Time"')
      .get()) as Record<string, unknown>;
    expect(inItsZone).toMatchObject({
      start: { dateTime: '2026-01-12T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-01-12T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    });
  });

  // Posting attendees makes Exchange invite them (https://learn.microsoft.com/graph/api/user-post-events).
  test('an event posted with attendees sends one invitation each; without attendees, none', async () => {
    const before = tenant.sim.control.outbox().length;
    await tenant.graph.client.api(`/users/${tenant.userId}/events`).post(event);
    expect(tenant.sim.control.outbox()).toHaveLength(before);
    await tenant.graph.client.api(`/users/${tenant.userId}/events`).post({
      ...event,
      attendees: [
        { emailAddress: { address: 'a@example.com' }, type: 'required' },
        { emailAddress: { address: 'b@example.com' }, type: 'optional' },
      ],
    });
    const sent = tenant.sim.control.outbox().slice(before);
    expect(sent.map((entry) => entry.message.to[0]?.address)).toEqual(['a@example.com', 'b@example.com']);
  });
});
