import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import { GraphError } from '../http/errors.js';
import type { GraphResponse } from '../http/types.js';
import {
  decodeFidelityStream,
  InvalidFidelityStream,
  type ExportedMailboxOnlyItem,
  type ExportedMessage,
  type FidelityItem,
} from '../model/fidelity-stream.js';
import { storeMessage } from '../model/mailbox.js';
import { primaryMailboxIdOf, userOfMailbox } from '../model/mailbox-ids.js';
import {
  findItemInMailbox,
  findMailboxFolder,
  FOLDER_CLASS_OF,
  type MailboxFolderView,
  type MailboxItemView,
} from '../model/mailbox-view.js';
import { mimeSource } from '../model/message-source.js';
import type { Mailbox, MessageRecord } from '../model/records.js';
import { exchangeIdFrom } from '../util/ids.js';
import { itemChangeKey } from './mailbox-render.js';

/**
 * `POST {importUrl}`: imports one exported item (https://learn.microsoft.com/graph/import-exchange-mailbox-item).
 * The URL is pre-authenticated (no Authorization header); the body is `{ FolderId, Mode: "create" | "update", Data,
 * ItemId?, ChangeKey? }`; the answer is 200 with `{ itemId, changeKey }` (importMailboxItemResponse). The item comes
 * back exactly as exported (a message's MIME byte for byte, its flags, dates, categories and extended properties),
 * as a normal item unless it was a draft, and sends nothing (no invitations for events).
 *
 * Errors are the Outlook endpoint's, not Graph's: the docs' only example is `{ "Message": "…" }`
 * (https://learn.microsoft.com/graph/handle-archive-mailbox-redirects), so every refusal here has that shape.
 */

const IMPORT_PATH = /^\/api\/gv1\.0\/Mailboxes\((?:'|%27)(.+?)(?:'|%27)\)\/importItem\/?$/i;

function refusal(status: number, message: string, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body: { Message: message } };
}

interface ImportBody {
  FolderId?: unknown;
  Mode?: unknown;
  Data?: unknown;
  ItemId?: unknown;
  ChangeKey?: unknown;
}

export async function importItem(
  context: SimulatorContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
): Promise<GraphResponse> {
  const match = IMPORT_PATH.exec(path);
  if (!match?.[1]) return refusal(404, `No import endpoint at ${path}.`);
  if (method !== 'POST') return refusal(405, `The HTTP method '${method}' is not allowed on this resource.`);
  // "This token expires at the time specified in expirationDateTime" (https://learn.microsoft.com/graph/api/mailbox-createimportsession).
  const session = context.importSessions.find(query.get('authtoken') ?? '');
  if (session === 'expired') return refusal(401, 'The import session has expired. Create a new import session.');
  if (!session || decodeURIComponent(match[1]).toLowerCase() !== session.mailboxId.toLowerCase())
    return refusal(401, 'The import URL is not valid. Create a new import session.');
  const resource = `mailbox:${session.userId}`;
  let admission: { release: () => void } = { release: () => undefined };
  let response: GraphResponse;
  try {
    // The Outlook service limits apply per app and mailbox, uploads included (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits).
    admission = context.limits.admit(
      { appId: session.appId, tenantId: context.tenant.id, kind: 'app', permissions: [] },
      { resource: 'mailbox' },
      resource,
      body.length,
    );
    response = importInto(context, session.mailboxId, body);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    response = refusal(error.status, error.message, error.headers);
  } finally {
    admission.release();
  }
  context.counters.record('POST (import session)', resource, response.status);
  return response;
}

function importInto(context: SimulatorContext, mailboxId: string, raw: Buffer): GraphResponse {
  const { tenant } = context;
  const user = userOfMailbox(tenant, mailboxId);
  if (!user) return refusal(404, `The mailbox ${mailboxId} no longer exists.`);
  let body: ImportBody;
  try {
    body = JSON.parse(raw.toString('utf8')) as ImportBody;
  } catch {
    return refusal(400, 'The request body is not valid JSON.');
  }
  if (typeof body.FolderId !== 'string' || !body.FolderId) return refusal(400, 'FolderId is required.');
  if (typeof body.Data !== 'string' || !body.Data) return refusal(400, 'Data is required.');
  const mode = typeof body.Mode === 'string' ? body.Mode.toLowerCase() : '';
  if (mode !== 'create' && mode !== 'update') return refusal(400, "Mode is required and must be 'create' or 'update'.");
  // "create: … If you specify ItemId or ChangeKey in the request body, it results in an error."
  if (mode === 'create' && (body.ItemId !== undefined || body.ChangeKey !== undefined))
    return refusal(400, 'ItemId and ChangeKey must not be given when Mode is create.');
  if (mode === 'update' && (typeof body.ItemId !== 'string' || typeof body.ChangeKey !== 'string'))
    return refusal(400, 'ItemId and ChangeKey are required when Mode is update.');

  let item: FidelityItem;
  try {
    const compact = body.Data.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0)
      throw new InvalidFidelityStream('Data is not base64.');
    item = decodeFidelityStream(Buffer.from(compact, 'base64'));
  } catch (error) {
    if (error instanceof InvalidFidelityStream)
      return refusal(400, `The item data can't be imported: ${error.message}`);
    throw error;
  }

  const mailbox = tenant.mailbox(user);
  mailbox.residency.pinned = true;
  const folder = findMailboxFolder(mailbox, body.FolderId);
  if (!folder) {
    // A folder of another mailbox: the documented answer for a session of the wrong mailbox.
    const owner = residentOwnerOf(context, body.FolderId);
    if (owner) return refusal(409, `Invalid import session. The target session is expected in mailbox ${owner}.`);
    return refusal(404, `The folder ${body.FolderId} was not found in mailbox ${mailboxId}.`);
  }
  if (FOLDER_CLASS_OF[item.kind] !== folder.type)
    return refusal(
      400,
      `An item of class ${item.kind} can't be imported into folder ${folder.record.displayName} of type ${folder.type}.`,
    );

  const imported =
    mode === 'create'
      ? createItem(mailbox, folder, item)
      : updateItem(mailbox, folder, item, body.ItemId as string, body.ChangeKey as string);
  if ('status' in imported) return imported;
  return {
    status: 200,
    body: {
      '@odata.context': `${context.url}/api/gv1.0/$metadata#microsoft.graph.importMailboxItemResponse`,
      itemId: imported.record.id,
      changeKey: itemChangeKey(imported),
    },
  };
}

/** The mailbox id (of those already in memory) that holds this folder, for the 409 of a wrong session. */
function residentOwnerOf(context: SimulatorContext, folderId: string): string | undefined {
  const { tenant } = context;
  for (const user of tenant.residentUsers()) {
    if (findMailboxFolder(tenant.mailbox(user), folderId)?.record.id === folderId)
      return primaryMailboxIdOf(tenant, user);
  }
  return undefined;
}

function messageFrom(exported: ExportedMessage): Omit<MessageRecord, 'id' | 'seq' | 'parentFolderId'> {
  const { mime, ...properties } = exported;
  return { ...properties, bcc: properties.bcc ?? [], source: mimeSource(mime) };
}

function createItem(mailbox: Mailbox, folder: MailboxFolderView, item: FidelityItem): MailboxItemView {
  const id = exchangeIdFrom('AAMkAGI2', mailbox.userId, 'imported', randomUUID());
  if (item.kind === 'message') {
    const record: MessageRecord = { ...messageFrom(item.message), id, seq: 0, parentFolderId: folder.record.id };
    return { kind: 'message', record: storeMessage(mailbox, record, true) };
  }
  if (item.kind === 'contact') {
    const contacts = mailbox.contacts.get(folder.record.id);
    if (!contacts) throw new Error(`contact folder ${folder.record.id} has no contacts`);
    return {
      kind: 'contact',
      record: contacts.upsert({ ...item.contact, id, seq: 0, parentFolderId: folder.record.id }),
    };
  }
  if (item.kind === 'task' || item.kind === 'note')
    return storeMailboxOnlyItem(mailbox, folder, item.kind, item.item, id);
  // Importing an event sends no invitation: the organizer's meeting is put back as it was, not scheduled again.
  const record = { ...item.event, id, seq: 0, ...(folder.isDefaultCalendar ? {} : { calendarId: folder.record.id }) };
  return { kind: 'event', record: mailbox.events.upsert(record) };
}

function storeMailboxOnlyItem(
  mailbox: Mailbox,
  folder: MailboxFolderView,
  kind: 'task' | 'note',
  item: ExportedMailboxOnlyItem,
  id: string,
): MailboxItemView {
  const items = mailbox.mailboxOnlyItems.get(folder.record.id);
  if (!items) throw new Error(`folder ${folder.record.id} holds no tasks or notes`);
  return { kind, record: items.upsert({ ...item, id, seq: 0, parentFolderId: folder.record.id }) };
}

/**
 * "update: Updates an existing item. ItemId and ChangeKey are required … The operation fails if the combination of
 * ItemId and ChangeKey doesn't match with any existing item in the folder." The id stays, the change key changes.
 */
function updateItem(
  mailbox: Mailbox,
  folder: MailboxFolderView,
  item: FidelityItem,
  itemId: string,
  changeKey: string,
): MailboxItemView | GraphResponse {
  const found = findItemInMailbox(mailbox, itemId);
  if (!found || found.folderId !== folder.record.id || itemChangeKey(found.item) !== changeKey)
    return refusal(404, 'No item in the folder matches the ItemId and ChangeKey.');
  if (found.item.kind !== item.kind)
    return refusal(400, `An item of class ${item.kind} can't replace an item of class ${found.item.kind}.`);
  if (item.kind === 'message' && found.item.kind === 'message') {
    const record: MessageRecord = {
      ...messageFrom(item.message),
      id: itemId,
      seq: 0,
      parentFolderId: folder.record.id,
    };
    return { kind: 'message', record: storeMessage(mailbox, record, true) };
  }
  if (item.kind === 'contact' && found.item.kind === 'contact') {
    const contacts = mailbox.contacts.get(folder.record.id);
    if (!contacts) throw new Error(`contact folder ${folder.record.id} has no contacts`);
    return {
      kind: 'contact',
      record: contacts.upsert({ ...item.contact, id: itemId, seq: 0, parentFolderId: folder.record.id }),
    };
  }
  if ((item.kind === 'task' || item.kind === 'note') && found.item.kind === item.kind)
    return storeMailboxOnlyItem(mailbox, folder, item.kind, item.item, itemId);
  if (item.kind === 'event' && found.item.kind === 'event') {
    const calendarId = found.item.record.calendarId;
    const record = { ...item.event, id: itemId, seq: 0, ...(calendarId === undefined ? {} : { calendarId }) };
    return { kind: 'event', record: mailbox.events.upsert(record) };
  }
  return refusal(400, 'The item data does not match the item to update.');
}
