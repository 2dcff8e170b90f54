import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, GraphError, notFound } from '../http/errors.js';
import { jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import type { ContactRecord, FolderRecord, Mailbox } from '../model/records.js';
import { DeltaCollection } from '../model/delta-collection.js';
import { exchangeIdFrom } from '../util/ids.js';
import { randomUUID } from 'node:crypto';
import { mailboxTarget } from './targets.js';
import { withExtendedProperties, type ExtendedProperty } from '../http/extended-properties.js';

const MAILBOX = { resource: 'mailbox' as const };

/** Writable contact properties kept as posted (https://learn.microsoft.com/graph/api/resources/contact). */
const CONTACT_DETAILS = [
  'assistantName',
  'birthday',
  'businessAddress',
  'businessHomePage',
  'businessPhones',
  'categories',
  'children',
  'department',
  'generation',
  'homeAddress',
  'homePhones',
  'imAddresses',
  'initials',
  'jobTitle',
  'manager',
  'middleName',
  'nickName',
  'officeLocation',
  'otherAddress',
  'personalNotes',
  'profession',
  'spouseName',
  'title',
];

function renderContact(contact: ContactRecord): Record<string, unknown> {
  return {
    '@odata.etag': `W/"${contact.seq}"`,
    id: contact.id,
    createdDateTime: contact.createdDateTime,
    lastModifiedDateTime: contact.lastModifiedDateTime,
    parentFolderId: contact.parentFolderId,
    displayName: contact.displayName,
    givenName: contact.givenName,
    surname: contact.surname,
    emailAddresses: contact.emailAddresses,
    companyName: contact.companyName,
    mobilePhone: contact.mobilePhone,
    businessPhones: [],
    homePhones: [],
    jobTitle: null,
    ...contact.details,
  };
}

type ContactJson = {
  givenName?: string;
  surname?: string;
  displayName?: string;
  emailAddresses?: Array<{ name?: string; address?: string }>;
  companyName?: string;
  mobilePhone?: string;
  singleValueExtendedProperties?: ExtendedProperty[];
} & Record<string, unknown>;

function detailsOf(body: ContactJson): Record<string, unknown> {
  return Object.fromEntries(
    CONTACT_DETAILS.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]),
  );
}

/**
 * Contacts: folders (top level and child folders, list and create), list, delta
 * (https://learn.microsoft.com/graph/api/contact-delta), create (https://learn.microsoft.com/graph/api/user-post-contacts),
 * get, delete.
 */
export function registerContactRoutes(router: Router, context: SimulatorContext): void {
  const mailboxOf = (request: GraphRequest) => mailboxTarget(context, request).mailbox;
  const folderOf = (mailbox: Mailbox, id: string) => {
    const folder = [...mailbox.contactFolders.values()].find(
      (candidate) => candidate.id === id || candidate.wellKnownName === id.toLowerCase(),
    );
    const contacts = folder ? mailbox.contacts.get(folder.id) : undefined;
    if (!folder || !contacts) throw notFound(`contact folder ${id}`);
    return { folder, contacts };
  };
  const defaultFolderId = (mailbox: Mailbox) => [...mailbox.contactFolders.values()][0]?.id ?? '';

  const renderFolder = (folder: FolderRecord) => ({
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
  });
  const childrenOf = (mailbox: Mailbox, parentId: string | undefined) => {
    const all = [...mailbox.contactFolders.values()];
    // The top level: folders whose parent is not itself a contact folder.
    return all.filter((folder) =>
      parentId === undefined
        ? !all.some((parent) => parent.id === folder.parentFolderId)
        : folder.parentFolderId === parentId,
    );
  };
  // Creating a folder whose name its parent already holds answers 409 ErrorFolderExists, as for mail folders.
  const createFolder = (request: GraphRequest, parentId: string | undefined) => {
    const mailbox = mailboxOf(request);
    const { displayName } = jsonBody<{ displayName?: string }>(request);
    if (!displayName) throw badRequest('displayName is required.', 'ErrorInvalidRequest');
    const siblings = childrenOf(mailbox, parentId);
    if (siblings.some((folder) => folder.displayName.toLowerCase() === displayName.toLowerCase()))
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const parent = parentId ?? [...mailbox.contactFolders.values()][0]?.parentFolderId ?? '';
    const folder = mailbox.contactFolders.upsert({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'contactFolder', randomUUID()),
      seq: 0,
      displayName,
      parentFolderId: parent,
    });
    mailbox.contacts.set(folder.id, new DeltaCollection(context.tenant.clock, mailbox.residency));
    return { status: 201, body: renderFolder(folder) };
  };

  router.add('GET', '/users/:userId/contactFolders', MAILBOX, (request) =>
    pageOf(request, childrenOf(mailboxOf(request), undefined).map(renderFolder), { defaultSize: 10, maxSize: 1000 }),
  );
  // https://learn.microsoft.com/graph/api/user-post-contactfolders
  router.add('POST', '/users/:userId/contactFolders', MAILBOX, (request) => createFolder(request, undefined));
  // https://learn.microsoft.com/graph/api/contactfolder-list-childfolders, /graph/api/contactfolder-post-childfolders
  router.add('GET', '/users/:userId/contactFolders/:folderId/childFolders', MAILBOX, (request) => {
    const mailbox = mailboxOf(request);
    const { folder } = folderOf(mailbox, request.params['folderId'] as string);
    return pageOf(request, childrenOf(mailbox, folder.id).map(renderFolder), { defaultSize: 10, maxSize: 1000 });
  });
  router.add('POST', '/users/:userId/contactFolders/:folderId/childFolders', MAILBOX, (request) =>
    createFolder(request, folderOf(mailboxOf(request), request.params['folderId'] as string).folder.id),
  );
  // $expand=singleValueExtendedProperties($filter=id eq '…') (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
  const renderFor = (request: GraphRequest) => (contact: ContactRecord) =>
    withExtendedProperties(request, renderContact(contact), contact.singleValueExtendedProperties ?? []);
  router.add('GET', '/users/:userId/contactFolders/:folderId/contacts', MAILBOX, (request) => {
    const { contacts } = folderOf(mailboxOf(request), request.params['folderId'] as string);
    return pageOf(request, [...contacts.values()].map(renderFor(request)), { defaultSize: 10, maxSize: 1000 });
  });
  router.add('GET', '/users/:userId/contactFolders/:folderId/contacts/delta', MAILBOX, (request) => {
    const { folder, contacts } = folderOf(mailboxOf(request), request.params['folderId'] as string);
    return deltaPage(request, {
      scope: `contacts:${folder.id}`,
      clock: context.tenant.clock,
      collections: [contacts],
      render: renderContact,
      renderRemoved: removedEntry('#microsoft.graph.contact'),
      ...OUTLOOK_DELTA,
      forceResync: (scope) => context.faults.forceResync(scope),
    });
  });
  const create = (request: GraphRequest, folderId: string) => {
    const mailbox = mailboxOf(request);
    const { folder, contacts } = folderOf(mailbox, folderId);
    const body = jsonBody<ContactJson>(request);
    const now = new Date().toISOString();
    const contact = contacts.upsert({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'contact', randomUUID()),
      seq: 0,
      parentFolderId: folder.id,
      displayName: body.displayName ?? `${body.givenName ?? ''} ${body.surname ?? ''}`.trim(),
      givenName: body.givenName ?? '',
      surname: body.surname ?? '',
      emailAddresses: (body.emailAddresses ?? []).map((email) => ({
        name: email.name ?? '',
        address: email.address ?? '',
      })),
      companyName: body.companyName ?? null,
      mobilePhone: body.mobilePhone ?? null,
      createdDateTime: now,
      lastModifiedDateTime: now,
      details: detailsOf(body),
      singleValueExtendedProperties: body.singleValueExtendedProperties ?? [],
    });
    return { status: 201, body: renderFor(request)(contact) };
  };
  router.add('POST', '/users/:userId/contactFolders/:folderId/contacts', MAILBOX, (request) =>
    create(request, request.params['folderId'] as string),
  );
  router.add('POST', '/users/:userId/contacts', MAILBOX, (request) =>
    create(request, defaultFolderId(mailboxOf(request))),
  );
  const findContact = (mailbox: Mailbox, id: string) => {
    for (const contacts of mailbox.contacts.values()) {
      const contact = contacts.get(id);
      if (contact) return { contact, contacts };
    }
    throw notFound(`contact ${id}`);
  };
  router.add('GET', '/users/:userId/contacts/:contactId', MAILBOX, (request) =>
    ok(renderFor(request)(findContact(mailboxOf(request), request.params['contactId'] as string).contact)),
  );
  router.add('DELETE', '/users/:userId/contacts/:contactId', MAILBOX, (request) => {
    const { contact, contacts } = findContact(mailboxOf(request), request.params['contactId'] as string);
    contacts.remove(contact.id);
    return { status: 204 };
  });
}
