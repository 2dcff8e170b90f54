import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { SimulatorContext } from './context.js';
import type { FaultSpec } from './faults.js';
import type { CountersSnapshot } from './limits/counters.js';
import { inlineContent, seededContent, sha256Of, type ContentSource } from './model/content.js';
import type { EventDefinition } from './model/definition.js';
import { deleteItem, newItem, relocateItem, replaceContent, resolvePath } from './model/drive.js';
import { chatMessage, eventRecord } from './model/load-definition.js';
import {
  addFolder,
  deleteMessage,
  findFolder,
  findMessage,
  isVisibleMailFolder,
  messageRecord,
  moveMessage,
  rootFolderId,
  storeMessage,
  touchMessage,
} from './model/mailbox.js';
import { mimeSource } from './model/message-source.js';
import { parseMime } from './mime/parse.js';
import type {
  ContactRecord,
  DriveRecord,
  EventRecord,
  MailboxOnlyItemRecord,
  OutboxEntry,
  UserRecord,
} from './model/records.js';
import { noteRecord, taskRecord, type NoteInput, type TaskInput } from './model/mailbox-only-items.js';
import { findMailboxFolder } from './model/mailbox-view.js';
import { exchangeIdFrom } from './util/ids.js';
import { primaryMailboxIdOf } from './model/mailbox-ids.js';

export interface UserSummary {
  id: string;
  userPrincipalName: string;
  displayName: string;
  driveId: string;
}

export interface FolderSummary {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName?: string;
  messageCount: number;
}

export interface DriveSummary {
  id: string;
  name: string;
  driveType: string;
  owner: string;
}

/** New file content: bytes, or `size` bytes derived from `seed` (streamed, never held). */
export type FileContent = Buffer | { size: number; seed: number };

/**
 * The simulator's control surface, in process (this class) and over HTTP under `/_sim` (control-http.ts): change the
 * tenant between backup runs, read what the product sent, count its calls, and break its tokens on purpose.
 */
export class SimulatorControl {
  constructor(private readonly context: SimulatorContext) {}

  private user(idOrUpn: string): UserRecord {
    const user = this.context.tenant.findUser(idOrUpn);
    if (!user) throw new Error(`no user ${idOrUpn}`);
    return user;
  }

  private mailbox(userIdOrUpn: string) {
    return this.context.tenant.mailbox(this.user(userIdOrUpn));
  }

  private drive(driveId: string): DriveRecord {
    const drive = this.context.tenant.findDrive(driveId);
    if (!drive) throw new Error(`no drive ${driveId}`);
    return drive;
  }

  listUsers(): UserSummary[] {
    const { tenant } = this.context;
    return tenant.users.map((user) => ({
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      driveId: tenant.userDrive(user).id,
    }));
  }

  listMailFolders(user: string): FolderSummary[] {
    const mailbox = this.mailbox(user);
    return [...mailbox.folders.values()].filter(isVisibleMailFolder).map((folder) => ({
      id: folder.id,
      displayName: folder.displayName,
      parentFolderId: folder.parentFolderId,
      ...(folder.wellKnownName ? { wellKnownName: folder.wellKnownName } : {}),
      messageCount: mailbox.messages.get(folder.id)?.size ?? 0,
    }));
  }

  listMessages(
    user: string,
    folder: string,
  ): Array<{ id: string; subject: string; isRead: boolean; isDraft: boolean }> {
    const mailbox = this.mailbox(user);
    const found = findFolder(mailbox, folder);
    if (!found) throw new Error(`no folder ${folder}`);
    return [...(mailbox.messages.get(found.id)?.values() ?? [])].map((message) => ({
      id: message.id,
      subject: message.subject,
      isRead: message.isRead,
      isDraft: message.isDraft,
    }));
  }

  listDrives(): DriveSummary[] {
    const { tenant } = this.context;
    const userDrives = tenant.users.map((user) => tenant.userDrive(user));
    return [...userDrives, ...tenant.drives.values()].map((drive) => ({
      id: drive.id,
      name: drive.name,
      driveType: drive.driveType,
      owner: drive.owner.user?.displayName ?? drive.siteId ?? '',
    }));
  }

  addMailFolder(user: string, displayName: string, parentFolder?: string): string {
    const mailbox = this.mailbox(user);
    const parent = parentFolder ? findFolder(mailbox, parentFolder)?.id : rootFolderId(mailbox.userId);
    if (!parent) throw new Error(`no folder ${parentFolder ?? ''}`);
    return addFolder(mailbox, this.context.tenant.clock, { displayName, parentFolderId: parent }, true).id;
  }

  /** Delivers a message (raw MIME) into a folder, as mail arriving between two backup runs. */
  addMessage(user: string, folder: string, mime: Buffer | string, options: { isRead?: boolean } = {}): string {
    const mailbox = this.mailbox(user);
    const found = findFolder(mailbox, folder);
    if (!found) throw new Error(`no folder ${folder}`);
    const bytes = Buffer.isBuffer(mime) ? mime : Buffer.from(mime, 'utf8');
    const content = parseMime(bytes);
    const now = new Date().toISOString();
    const date = content.date.getTime() > 0 ? content.date.toISOString() : now;
    const record = messageRecord({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'control', randomUUID()),
      folderId: found.id,
      source: mimeSource(bytes),
      content,
      isRead: options.isRead ?? false,
      isDraft: false,
      receivedDateTime: date,
      sentDateTime: date,
      createdDateTime: now,
    });
    return storeMessage(mailbox, record, true).id;
  }

  updateMessage(
    user: string,
    messageId: string,
    change: { isRead?: boolean; flagged?: boolean; categories?: string[] },
  ): void {
    const mailbox = this.mailbox(user);
    const message = findMessage(mailbox, messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    if (change.isRead !== undefined) message.isRead = change.isRead;
    if (change.flagged !== undefined) message.flag = { flagStatus: change.flagged ? 'flagged' : 'notFlagged' };
    if (change.categories) message.categories = change.categories;
    touchMessage(mailbox, message);
  }

  /** Moves a message; like Exchange, the moved message gets a new id, which is returned. */
  moveMessage(user: string, messageId: string, destinationFolder: string): string {
    const mailbox = this.mailbox(user);
    const message = findMessage(mailbox, messageId);
    const destination = findFolder(mailbox, destinationFolder);
    if (!message || !destination) throw new Error(`no message ${messageId} or folder ${destinationFolder}`);
    return moveMessage(mailbox, message, destination.id).id;
  }

  deleteMessage(user: string, messageId: string): void {
    const mailbox = this.mailbox(user);
    const message = findMessage(mailbox, messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    deleteMessage(mailbox, message);
  }

  /** The exact bytes `$value` serves for a message. */
  messageMime(user: string, messageId: string): Buffer {
    const message = findMessage(this.mailbox(user), messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    return message.source.mime();
  }

  addFile(driveId: string, folderPath: string, name: string, content: FileContent): string {
    const drive = this.drive(driveId);
    const parent = resolvePath(drive, drive.rootId, folderPath);
    if (!parent?.isFolder) throw new Error(`no folder ${folderPath}`);
    return drive.items.upsert(newItem(drive, parent.id, name, toSource(content), new Date().toISOString())).id;
  }

  addDriveFolder(driveId: string, folderPath: string, name: string): string {
    const drive = this.drive(driveId);
    const parent = resolvePath(drive, drive.rootId, folderPath);
    if (!parent?.isFolder) throw new Error(`no folder ${folderPath}`);
    return drive.items.upsert(newItem(drive, parent.id, name, null, new Date().toISOString())).id;
  }

  /** A new version of a file. */
  updateFile(driveId: string, itemId: string, content: FileContent): void {
    const drive = this.drive(driveId);
    const item = drive.items.get(itemId);
    if (!item || item.isFolder) throw new Error(`no file ${itemId}`);
    replaceContent(drive, item, toSource(content), new Date().toISOString());
  }

  moveDriveItem(driveId: string, itemId: string, destinationFolderPath: string): void {
    const drive = this.drive(driveId);
    const item = drive.items.get(itemId);
    const destination = resolvePath(drive, drive.rootId, destinationFolderPath);
    if (!item || !destination?.isFolder) throw new Error(`no item ${itemId} or folder ${destinationFolderPath}`);
    relocateItem(drive, item, { parentId: destination.id, name: item.name }, new Date().toISOString());
  }

  /** Sets a drive's storage quota in bytes: writes past it are refused with 507 `quotaLimitReached`. */
  setDriveQuota(driveId: string, totalBytes: number): void {
    this.drive(driveId).quotaTotal = totalBytes;
  }

  deleteDriveItem(driveId: string, itemId: string): void {
    const drive = this.drive(driveId);
    const item = drive.items.get(itemId);
    if (!item) throw new Error(`no item ${itemId}`);
    deleteItem(drive, item);
  }

  /** Every file of a drive with its path from the root, for comparing a backup with the tenant. */
  listDriveFiles(driveId: string): Array<{ id: string; path: string; size: number }> {
    const drive = this.drive(driveId);
    const pathOf = (itemId: string | null): string => {
      const item = itemId ? drive.items.get(itemId) : undefined;
      if (!item || item.id === drive.rootId) return '';
      const parent = pathOf(item.parentId);
      return parent ? `${parent}/${item.name}` : item.name;
    };
    return [...drive.items.values()]
      .filter((item) => !item.isFolder && item.content !== null)
      .map((item) => ({ id: item.id, path: pathOf(item.id), size: item.content!.size }));
  }

  findDriveItem(driveId: string, path: string): string | undefined {
    const drive = this.drive(driveId);
    return resolvePath(drive, drive.rootId, path)?.id;
  }

  /** The current bytes of a file, streamed. */
  fileContent(driveId: string, itemId: string): Readable {
    const item = this.drive(driveId).items.get(itemId);
    if (!item?.content) throw new Error(`no file ${itemId}`);
    return item.content.stream();
  }

  fileSha256(driveId: string, itemId: string): Promise<string> {
    const item = this.drive(driveId).items.get(itemId);
    if (!item?.content) throw new Error(`no file ${itemId}`);
    return sha256Of(item.content);
  }

  addEvent(user: string, event: EventDefinition): string {
    const target = this.user(user);
    const record = eventRecord(target, event, exchangeIdFrom('AAMkAGI2', target.id, 'event', randomUUID()));
    return this.context.tenant.mailbox(target).events.upsert(record).id;
  }

  deleteEvent(user: string, eventId: string): void {
    this.context.tenant.mailbox(this.user(user)).events.remove(eventId);
  }

  addContact(user: string, contact: { givenName: string; surname: string; email?: string }): string {
    const mailbox = this.mailbox(user);
    const folder = [...mailbox.contactFolders.values()][0];
    const contacts = folder ? mailbox.contacts.get(folder.id) : undefined;
    if (!folder || !contacts) throw new Error('mailbox without contact folder');
    const now = new Date().toISOString();
    const displayName = `${contact.givenName} ${contact.surname}`;
    return contacts.upsert({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'contact', randomUUID()),
      seq: 0,
      parentFolderId: folder.id,
      displayName,
      givenName: contact.givenName,
      surname: contact.surname,
      emailAddresses: contact.email ? [{ name: displayName, address: contact.email }] : [],
      companyName: null,
      mobilePhone: null,
      createdDateTime: now,
      lastModifiedDateTime: now,
    }).id;
  }

  /** Every contact of the mailbox, in every contact folder, as stored (extended properties included). */
  listContacts(user: string): ContactRecord[] {
    return [...this.mailbox(user).contacts.values()].flatMap((contacts) => [...contacts.values()]);
  }

  listContactFolders(user: string): Array<{ id: string; displayName: string; parentFolderId: string }> {
    return [...this.mailbox(user).contactFolders.values()].map((folder) => ({
      id: folder.id,
      displayName: folder.displayName,
      parentFolderId: folder.parentFolderId,
    }));
  }

  /** Every event of every calendar (`calendarId` absent for the default one), as stored. */
  listEvents(user: string): EventRecord[] {
    return [...this.mailbox(user).events.values()];
  }

  /** The calendars created beside the default one. */
  listCalendars(user: string): Array<{ id: string; name: string }> {
    return [...this.mailbox(user).calendars.values()].map((calendar) => ({
      id: calendar.id,
      name: calendar.displayName,
    }));
  }

  deleteContact(user: string, contactId: string): void {
    for (const contacts of this.mailbox(user).contacts.values()) contacts.remove(contactId);
  }

  /** Adds an Outlook task to the user's default Tasks folder (or `folderId`); returns its id. */
  addTask(user: string, task: TaskInput, folderId?: string): string {
    return this.addMailboxOnlyItem(user, folderId ?? 'tasks', (where) => taskRecord(task, where));
  }

  /** Adds an Outlook note to the user's default Notes folder (or `folderId`); returns its id. */
  addNote(user: string, note: NoteInput, folderId?: string): string {
    return this.addMailboxOnlyItem(user, folderId ?? 'notes', (where) => noteRecord(note, where));
  }

  private addMailboxOnlyItem(
    user: string,
    folderIdOrName: string,
    build: (where: { id: string; parentFolderId: string; now: string }) => MailboxOnlyItemRecord,
  ): string {
    const mailbox = this.mailbox(user);
    const folder = findMailboxFolder(mailbox, folderIdOrName);
    const items = folder ? mailbox.mailboxOnlyItems.get(folder.record.id) : undefined;
    if (!folder || !items) throw new Error(`no task or note folder ${folderIdOrName}`);
    const id = exchangeIdFrom('AAMkAGI2', mailbox.userId, folder.type, randomUUID());
    return items.upsert(build({ id, parentFolderId: folder.record.id, now: new Date().toISOString() })).id;
  }

  /** Every task and note of the mailbox, in every folder, as stored (their MAPI properties included). */
  listMailboxOnlyItems(user: string): MailboxOnlyItemRecord[] {
    return [...this.mailbox(user).mailboxOnlyItems.values()].flatMap((items) => [...items.values()]);
  }

  /** The task and note folders beside the default ones. */
  listMailboxOnlyFolders(user: string): Array<{ id: string; displayName: string; wellKnownName?: string }> {
    const mailbox = this.mailbox(user);
    return [...mailbox.taskFolders.values(), ...mailbox.noteFolders.values()].map((folder) => ({
      id: folder.id,
      displayName: folder.displayName,
      ...(folder.wellKnownName !== undefined && { wellKnownName: folder.wellKnownName }),
    }));
  }

  /** Deletes a task or note, as the user would in Outlook. */
  deleteMailboxOnlyItem(user: string, itemId: string): void {
    for (const items of this.mailbox(user).mailboxOnlyItems.values()) items.remove(itemId);
  }

  /** Posts a channel message (or a reply when `replyTo` is given) from a tenant user. */
  addChannelMessage(teamId: string, channelId: string, fromUser: string, body: string, replyTo?: string): string {
    const channel = this.context.tenant.teams.get(teamId)?.channels.find((candidate) => candidate.id === channelId);
    if (!channel) throw new Error(`no channel ${channelId} in team ${teamId}`);
    const now = new Date().toISOString();
    const id = String(Date.now() + channel.messages.size);
    const message = chatMessage(id, replyTo ?? null, this.user(fromUser), body, now);
    if (!replyTo) {
      channel.messages.upsert(message);
      channel.replies.set(id, []);
      return id;
    }
    const parent = channel.messages.get(replyTo);
    if (!parent) throw new Error(`no message ${replyTo}`);
    channel.replies.get(replyTo)?.push(message);
    parent.lastModifiedDateTime = now;
    channel.messages.upsert(parent);
    return id;
  }

  listTeams(): Array<{ id: string; displayName: string; channels: Array<{ id: string; displayName: string }> }> {
    const { tenant } = this.context;
    return [...tenant.teams.values()].map((team) => ({
      id: team.id,
      displayName: tenant.findGroup(team.id)?.displayName ?? '',
      channels: team.channels.map((channel) => ({ id: channel.id, displayName: channel.displayName })),
    }));
  }

  /** Mail sent through `sendMail` and invitations sent by event creation. */
  outbox(): OutboxEntry[] {
    return [...this.context.tenant.outbox];
  }

  counters(): CountersSnapshot {
    return this.context.counters.snapshot();
  }

  resetCounters(): void {
    this.context.counters.reset();
  }

  /** Every delta token issued so far answers 410 from now on (a forced resync). */
  invalidateDeltaTokens(): void {
    this.context.tenant.clock.invalidateTokens();
  }

  /** Every access token issued so far is refused from now on (as after revocation or expiry). */
  expireTokens(): void {
    for (const id of this.context.issuedTokenIds) this.context.revokedTokenIds.add(id);
    this.context.issuedTokenIds.clear();
  }

  /**
   * The application permissions the tenant's admin has consented to: app-only tokens issued from now on carry exactly
   * these `roles` (tokens already issued keep theirs, as in Entra; call `expireTokens()` to force new ones).
   */
  setAppRoles(roles: readonly string[]): void {
    this.context.appRoles = [...roles];
  }

  appRoles(): string[] {
    return [...this.context.appRoles];
  }

  /**
   * The tenant's administrator removes the app's consent (deletes its enterprise application): token requests for the
   * app answer AADSTS700016, as Entra does for an app not found in the directory; tokens already issued keep working
   * until they expire (call `expireTokens()` to end them now). `grantAdminConsent()` gives it back.
   */
  revokeAdminConsent(): void {
    this.context.appConsented = false;
  }

  grantAdminConsent(): void {
    this.context.appConsented = true;
  }

  /**
   * Registers a redirect URI of the single-page application type on the app (the `spa` platform of its registration,
   * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas):
   * the authorize endpoint sends codes only to registered URIs, compared exactly.
   */
  addSpaRedirectUri(uri: string): void {
    const parsed = new URL(uri);
    if (parsed.hash !== '') throw new Error('a redirect URI has no fragment');
    this.context.signIns.spaRedirectUris.add(uri);
  }

  /** Lifetime of mailbox import sessions created from now on. */
  setImportSessionLifetime(seconds: number): void {
    if (!(seconds > 0)) throw new Error('the import session lifetime must be positive');
    this.context.importSessions.lifetimeSeconds = seconds;
  }

  /** Every mailbox import session created so far expires now: its importUrl answers 401. */
  expireImportSessions(): void {
    this.context.importSessions.expireAll();
  }

  /** The primary mailbox id `GET /users/{id}/settings/exchange` gives for a user. */
  mailboxId(user: string): string {
    return primaryMailboxIdOf(this.context.tenant, this.user(user));
  }

  setFaults(spec: FaultSpec): void {
    this.context.faults.configure(spec);
  }

  faults(): FaultSpec {
    return this.context.faults.current();
  }
}

function toSource(content: FileContent): ContentSource {
  return Buffer.isBuffer(content) ? inlineContent(content) : seededContent(content.size, content.seed);
}
