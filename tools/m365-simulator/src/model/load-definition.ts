import { exchangeIdFrom, guidFrom } from '../util/ids.js';
import { parseMime } from '../mime/parse.js';
import type { ChangeClock } from './clock.js';
import { inlineContent, seededContent, type ContentSource } from './content.js';
import type {
  DriveItemDefinition,
  EventDefinition,
  MailboxDefinition,
  MailFolderDefinition,
  TenantDefinition,
  UserDefinition,
} from './definition.js';
import { DeltaCollection } from './delta-collection.js';
import { iCalUIdFrom } from './event-occurrences.js';
import { createDrive, newItem } from './drive.js';
import { addFolder, createMailbox, messageRecord, rootFolderId, storeMessage } from './mailbox.js';
import { mimeSource } from './message-source.js';
import type { ChannelRecord, DriveRecord, EventRecord, Mailbox, UserRecord } from './records.js';
import { Tenant } from './tenant.js';
import { generateMessages } from '../generator/messages.js';

/** When the initial tenant's items were created: fixed, so every start serves the same bytes. */
const TENANT_EPOCH = '2026-01-05T08:00:00Z';

function userRecord(definition: UserDefinition, index: number, tenantId: string): UserRecord {
  const [given, ...rest] = definition.displayName.split(' ');
  return {
    id: definition.id ?? guidFrom(tenantId, 'user', definition.userPrincipalName.toLowerCase()),
    index,
    userPrincipalName: definition.userPrincipalName,
    displayName: definition.displayName,
    givenName: definition.givenName ?? given ?? '',
    surname: definition.surname ?? rest.join(' '),
    mail: definition.userPrincipalName,
    jobTitle: definition.jobTitle ?? null,
    department: definition.department ?? null,
    officeLocation: definition.officeLocation ?? null,
    preferredLanguage: definition.preferredLanguage ?? 'it-IT',
    accountEnabled: true,
  };
}

function userDriveId(user: UserRecord): string {
  return `b!${Buffer.from(guidFrom('drive', user.id)).toString('base64url').slice(0, 48)}`;
}

export interface LoadOptions {
  /** Builds a user's drive content when the drive is first used (the generator), instead of the definition's. */
  driveItems?: (user: UserRecord) => DriveItemDefinition[];
}

export function loadTenant(definition: TenantDefinition, options: LoadOptions = {}): Tenant {
  const tenantId = definition.tenantId ?? guidFrom('tenant', definition.domain);
  const users = definition.users.map((user, index) => userRecord(user, index, tenantId));
  const byUpn = new Map(
    definition.users.map((user, index) => [user.userPrincipalName.toLowerCase(), users[index] as UserRecord]),
  );
  const definitionOf = new Map(users.map((user, index) => [user.id, definition.users[index] as UserDefinition]));
  const tenant = new Tenant(
    tenantId,
    definition.displayName,
    definition.domain,
    definition.licences ?? users.length,
    {
      clientId: definition.app?.clientId ?? guidFrom(tenantId, 'app'),
      clientSecret: definition.app?.clientSecret ?? `sim~${guidFrom(tenantId, 'secret')}`,
      displayName: definition.app?.displayName ?? 'Custodia Backup',
    },
    users,
    {
      mailbox: (user, clock) => buildMailbox(user, definitionOf.get(user.id)?.mailbox, clock, users),
      drive: (user, clock, driveId) => {
        const drive = createDrive(
          clock,
          {
            id: driveId,
            name: 'OneDrive',
            driveType: 'business',
            owner: { user: { id: user.id, displayName: user.displayName } },
          },
          TENANT_EPOCH,
        );
        addDriveItems(drive, drive.rootId, options.driveItems?.(user) ?? definitionOf.get(user.id)?.drive?.items ?? []);
        return drive;
      },
      driveIdFor: userDriveId,
    },
  );
  loadGroups(tenant, definition, byUpn);
  loadSites(tenant, definition);
  loadTeams(tenant, definition, byUpn);
  return tenant;
}

function loadGroups(tenant: Tenant, definition: TenantDefinition, byUpn: Map<string, UserRecord>): void {
  const groupIds = new Map(
    (definition.groups ?? []).map((group) => [
      group.mailNickname.toLowerCase(),
      group.id ?? guidFrom(tenant.id, 'group', group.mailNickname),
    ]),
  );
  for (const group of definition.groups ?? []) {
    const id = groupIds.get(group.mailNickname.toLowerCase()) as string;
    const memberIds = group.members.map((member) => {
      const found = byUpn.get(member.toLowerCase())?.id ?? groupIds.get(member.toLowerCase());
      if (!found) throw new Error(`group ${group.mailNickname}: member ${member} is neither a user nor a group`);
      return found;
    });
    tenant.groups.set(id, {
      id,
      displayName: group.displayName,
      description: group.description ?? null,
      mailNickname: group.mailNickname,
      mail: `${group.mailNickname}@${tenant.domain}`,
      visibility: group.visibility ?? 'Private',
      memberIds,
      isTeam: (definition.teams ?? []).some((team) => team.group.toLowerCase() === group.mailNickname.toLowerCase()),
      createdDateTime: TENANT_EPOCH,
    });
  }
}

function loadSites(tenant: Tenant, definition: TenantDefinition): void {
  const host = `${tenant.domain.split('.')[0]}.sharepoint.com`;
  for (const site of definition.sites ?? []) {
    const id = site.id ?? `${host},${guidFrom(tenant.id, 'site', site.name)},${guidFrom(tenant.id, 'web', site.name)}`;
    const driveIds: string[] = [];
    for (const library of site.drives) {
      const driveId = `b!${Buffer.from(guidFrom(id, 'library', library.name))
        .toString('base64url')
        .slice(0, 48)}`;
      const drive = createDrive(
        tenant.clock,
        { id: driveId, name: library.name, driveType: 'documentLibrary', owner: {}, siteId: id },
        TENANT_EPOCH,
      );
      addDriveItems(drive, drive.rootId, library.items ?? []);
      tenant.drives.set(driveId, drive);
      driveIds.push(driveId);
    }
    const group = site.group
      ? [...tenant.groups.values()].find(
          (candidate) => candidate.mailNickname.toLowerCase() === site.group?.toLowerCase(),
        )
      : undefined;
    if (site.group && !group) throw new Error(`site ${site.name}: no group with mailNickname ${site.group}`);
    tenant.sites.set(id, {
      id,
      name: site.name,
      displayName: site.displayName,
      webUrl: `https://${host}/sites/${site.name}`,
      driveIds,
      createdDateTime: TENANT_EPOCH,
      ...(group && { groupId: group.id }),
    });
  }
}

function loadTeams(tenant: Tenant, definition: TenantDefinition, byUpn: Map<string, UserRecord>): void {
  for (const team of definition.teams ?? []) {
    const group = [...tenant.groups.values()].find(
      (candidate) => candidate.mailNickname.toLowerCase() === team.group.toLowerCase(),
    );
    if (!group) throw new Error(`team: no group with mailNickname ${team.group}`);
    const channels = team.channels.map((channel, channelIndex): ChannelRecord => {
      const record: ChannelRecord = {
        id: `19:${guidFrom(group.id, 'channel', channel.displayName).replace(/-/g, '')}@thread.tacv2`,
        displayName: channel.displayName,
        description: channel.description ?? null,
        messages: new DeltaCollection(tenant.clock),
        replies: new Map(),
        createdDateTime: TENANT_EPOCH,
      };
      (channel.messages ?? []).forEach((message, messageIndex) => {
        const created = message.createdDateTime ?? minutesAfterEpoch(channelIndex * 1000 + messageIndex * 10);
        const id = String(Date.parse(created));
        const author = authorOf(byUpn, message.from);
        record.messages.seed(chatMessage(id, null, author, message.body, created));
        record.replies.set(
          id,
          (message.replies ?? []).map((reply, replyIndex) => {
            const at =
              reply.createdDateTime ?? minutesAfterEpoch(channelIndex * 1000 + messageIndex * 10 + replyIndex + 1);
            return chatMessage(String(Date.parse(at)), id, authorOf(byUpn, reply.from), reply.body, at);
          }),
        );
      });
      return record;
    });
    tenant.teams.set(group.id, { id: group.id, channels });
  }
}

function authorOf(byUpn: Map<string, UserRecord>, upn: string): UserRecord {
  const user = byUpn.get(upn.toLowerCase());
  if (!user) throw new Error(`channel message from unknown user ${upn}`);
  return user;
}

export function chatMessage(id: string, replyToId: string | null, author: UserRecord, body: string, at: string) {
  return {
    id,
    seq: 1,
    replyToId,
    from: { user: { id: author.id, displayName: author.displayName } },
    body: { contentType: 'html' as const, content: body },
    createdDateTime: at,
    lastModifiedDateTime: at,
    deletedDateTime: null,
  };
}

function minutesAfterEpoch(minutes: number): string {
  return new Date(Date.parse(TENANT_EPOCH) + minutes * 60_000).toISOString();
}

function contentOf(item: DriveItemDefinition): ContentSource | null {
  if (item.children) return null;
  if (item.contentBase64 !== undefined) return inlineContent(Buffer.from(item.contentBase64, 'base64'));
  if (item.content !== undefined) return inlineContent(Buffer.from(item.content, 'utf8'));
  return seededContent(item.size ?? 0, item.seed ?? 0);
}

export function addDriveItems(drive: DriveRecord, parentId: string, items: DriveItemDefinition[]): void {
  for (const definition of items) {
    const item = newItem(drive, parentId, definition.name, contentOf(definition), TENANT_EPOCH);
    drive.items.seed(item);
    if (definition.children) addDriveItems(drive, item.id, definition.children);
  }
}

function buildMailbox(
  user: UserRecord,
  definition: MailboxDefinition | undefined,
  clock: ChangeClock,
  users: UserRecord[],
): Mailbox {
  const mailbox = createMailbox(clock, user.id);
  for (const folder of definition?.folders ?? []) addDefinedFolder(mailbox, clock, folder, rootFolderId(user.id));
  if (definition?.generate) generateMessages(mailbox, clock, user, users, definition.generate);
  (definition?.contacts ?? []).forEach((contact, index) => {
    const folderId = [...mailbox.contactFolders.values()][0]?.id as string;
    mailbox.contacts.get(folderId)?.seed({
      id: exchangeIdFrom('AAMkAGI2', user.id, 'contact', index),
      seq: 1,
      parentFolderId: folderId,
      displayName: `${contact.givenName} ${contact.surname}`,
      givenName: contact.givenName,
      surname: contact.surname,
      emailAddresses: contact.email
        ? [{ name: `${contact.givenName} ${contact.surname}`, address: contact.email }]
        : [],
      companyName: contact.companyName ?? null,
      mobilePhone: contact.mobilePhone ?? null,
      createdDateTime: TENANT_EPOCH,
      lastModifiedDateTime: TENANT_EPOCH,
      ...(contact.details && { details: contact.details }),
    });
  });
  (definition?.events ?? []).forEach((event, index) =>
    mailbox.events.seed(eventRecord(user, event, exchangeIdFrom('AAMkAGI2', user.id, 'event', index))),
  );
  return mailbox;
}

export function eventRecord(organizer: UserRecord, event: EventDefinition, id: string): EventRecord {
  return {
    id,
    seq: 1,
    subject: event.subject,
    body:
      event.bodyHtml !== undefined
        ? { contentType: 'html', content: event.bodyHtml }
        : { contentType: 'text', content: event.body ?? '' },
    start: { dateTime: event.start.replace(/Z$/, ''), timeZone: event.timeZone ?? 'UTC' },
    end: { dateTime: event.end.replace(/Z$/, ''), timeZone: event.timeZone ?? 'UTC' },
    isAllDay: event.isAllDay ?? false,
    location: { displayName: event.location ?? '' },
    attendees: (event.attendees ?? []).map((attendee) => ({
      emailAddress: { name: attendee.name, address: attendee.address },
      type: attendee.type ?? 'required',
    })),
    ...(event.showAs !== undefined && { showAs: event.showAs }),
    organizer: { emailAddress: { name: organizer.displayName, address: organizer.mail } },
    recurrence: event.recurrence ?? null,
    type: event.recurrence ? 'seriesMaster' : 'singleInstance',
    iCalUId: iCalUIdFrom(id),
    createdDateTime: TENANT_EPOCH,
    lastModifiedDateTime: TENANT_EPOCH,
  };
}

function addDefinedFolder(mailbox: Mailbox, clock: ChangeClock, folder: MailFolderDefinition, parentId: string): void {
  const existing = folder.wellKnownName
    ? [...mailbox.folders.values()].find((candidate) => candidate.wellKnownName === folder.wellKnownName?.toLowerCase())
    : undefined;
  const record =
    existing ?? addFolder(mailbox, clock, { displayName: folder.displayName, parentFolderId: parentId }, false);
  (folder.messages ?? []).forEach((message, index) => {
    const bytes =
      message.mimeBase64 !== undefined
        ? Buffer.from(message.mimeBase64, 'base64')
        : Buffer.from(message.mime ?? '', 'utf8');
    const content = parseMime(bytes);
    const date = content.date.toISOString();
    storeMessage(
      mailbox,
      messageRecord({
        id: exchangeIdFrom('AAMkAGI2', record.id, 'message', index),
        folderId: record.id,
        source: mimeSource(bytes),
        content,
        isRead: message.isRead ?? false,
        isDraft: false,
        receivedDateTime: date,
        sentDateTime: date,
        createdDateTime: date,
      }),
      false,
    );
  });
  for (const child of folder.childFolders ?? []) addDefinedFolder(mailbox, clock, child, record.id);
}
