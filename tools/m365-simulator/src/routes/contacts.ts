import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, GraphError, notFound } from '../http/errors.js';
import { applySelect, jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import type { ContactRecord, FolderRecord, Mailbox } from '../model/records.js';
import { DeltaCollection } from '../model/delta-collection.js';
import { exchangeIdFrom } from '../util/ids.js';
import { randomUUID } from 'node:crypto';
import { mailboxTarget } from './targets.js';
import { withExtendedProperties, type ExtendedProperty } from '../http/extended-properties.js';

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

/**
 * A contact with the properties Graph returns by default (https://learn.microsoft.com/graph/api/resources/contact#json-representation):
 * those unset are null, empty collections or empty addresses; properties kept as posted (`details`) replace them.
 */
function renderContact(contact: ContactRecord): Record<string, unknown> {
  const changeKey = exchangeIdFrom('', contact.id, contact.seq).slice(0, 24);
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: contact.id,
    createdDateTime: contact.createdDateTime,
    lastModifiedDateTime: contact.lastModifiedDateTime,
    changeKey,
    categories: [],
    parentFolderId: contact.parentFolderId,
    birthday: null,
    fileAs: '',
    displayName: contact.displayName,
    givenName: contact.givenName,
    initials: null,
    middleName: null,
    nickName: null,
    surname: contact.surname,
    title: null,
    yomiGivenName: null,
    yomiSurname: null,
    yomiCompanyName: null,
    generation: null,
    imAddresses: [],
    jobTitle: null,
    companyName: contact.companyName,
    department: null,
    officeLocation: null,
    profession: null,
    businessHomePage: null,
    assistantName: null,
    manager: null,
    homePhones: [],
    mobilePhone: contact.mobilePhone,
    businessPhones: [],
    spouseName: null,
    personalNotes: '',
    children: [],
    emailAddresses: contact.emailAddresses,
    homeAddress: {},
    businessAddress: {},
    otherAddress: {},
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

/** Folder ids are Exchange ids; a word such as `contacts` is not one (Graph: 400 ErrorInvalidIdMalformed). */
function refuseMalformedId(id: string): void {
  if (!/^[A-Za-z0-9_=+/-]{20,}$/.test(id)) throw badRequest('Id is malformed.', 'ErrorInvalidIdMalformed');
}

/**
 * Contacts: the default Contacts folder and its child folders at any depth (list, get, create), contacts (list,
 * delta, create, get, delete). v1.0 documents no well-known name for the default folder: it is reached as
 * `/users/{id}/contacts` or by its id, which a contact's or a child folder's `parentFolderId` gives.
 */
export function registerContactRoutes(router: Router, context: SimulatorContext): void {
  const MAILBOX = { resource: 'mailbox' as const };
  const mailboxOf = (request: GraphRequest) => mailboxTarget(context, request).mailbox;
  const contextOf = (request: GraphRequest, path: string) =>
    `users('${mailboxTarget(context, request).user.id}')/${path}`;
  const folderOf = (mailbox: Mailbox, id: string) => {
    refuseMalformedId(id);
    const folder = mailbox.contactFolders.get(id);
    const contacts = folder ? mailbox.contacts.get(folder.id) : undefined;
    if (!folder || !contacts) throw notFound(`contact folder ${id}`);
    return { folder, contacts };
  };
  const defaultFolderOf = (mailbox: Mailbox) => {
    const folder = [...mailbox.contactFolders.values()].find((candidate) => candidate.wellKnownName === 'contacts');
    if (!folder) throw new Error(`mailbox ${mailbox.userId} has no default Contacts folder`);
    return folderOf(mailbox, folder.id);
  };
  const renderFolder = (folder: FolderRecord) => ({
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
  });
  const childrenOf = (mailbox: Mailbox, parentId: string) =>
    [...mailbox.contactFolders.values()].filter((folder) => folder.parentFolderId === parentId);
  // Creating a folder whose name its parent already holds answers 409 ErrorFolderExists, as for mail folders.
  const createFolder = (request: GraphRequest, parentId: string) => {
    const mailbox = mailboxOf(request);
    const { displayName } = jsonBody<{ displayName?: string }>(request);
    if (!displayName) throw badRequest('displayName is required.', 'ErrorInvalidRequest');
    if (childrenOf(mailbox, parentId).some((folder) => folder.displayName.toLowerCase() === displayName.toLowerCase()))
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const folder = mailbox.contactFolders.upsert({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'contactFolder', randomUUID()),
      seq: 0,
      displayName,
      parentFolderId: parentId,
    });
    mailbox.contacts.set(folder.id, new DeltaCollection(context.tenant.clock, mailbox.residency));
    const body = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#${contextOf(request, 'contactFolders')}/$entity`,
    };
    return { status: 201, body: { ...body, ...renderFolder(folder) } };
  };
  const folderList = (request: GraphRequest, parentId: string) =>
    pageOf(request, childrenOf(mailboxOf(request), parentId).map(renderFolder), {
      defaultSize: 10,
      maxSize: 1000,
      context: contextOf(request, 'contactFolders'),
    });
  const LIST = ['$select', '$top', '$skiptoken'];

  // The child folders of the default Contacts folder, not the folder itself (https://learn.microsoft.com/graph/api/user-list-contactfolders).
  router.add('GET', '/users/:userId/contactFolders', { ...MAILBOX, query: LIST }, (request) =>
    folderList(request, defaultFolderOf(mailboxOf(request)).folder.id),
  );
  // A new folder under the default Contacts folder (https://learn.microsoft.com/graph/api/user-post-contactfolders).
  router.add('POST', '/users/:userId/contactFolders', { ...MAILBOX, query: [] }, (request) =>
    createFolder(request, defaultFolderOf(mailboxOf(request)).folder.id),
  );
  // https://learn.microsoft.com/graph/api/contactfolder-get
  router.add('GET', '/users/:userId/contactFolders/:folderId', { ...MAILBOX, query: ['$select'] }, (request) => {
    const { folder } = folderOf(mailboxOf(request), request.params['folderId'] as string);
    const body = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#${contextOf(request, 'contactFolders')}/$entity`,
    };
    return ok(applySelect({ ...body, ...renderFolder(folder) }, request.query.get('$select')));
  });
  // https://learn.microsoft.com/graph/api/contactfolder-list-childfolders, /graph/api/contactfolder-post-childfolders
  router.add('GET', '/users/:userId/contactFolders/:folderId/childFolders', { ...MAILBOX, query: LIST }, (request) =>
    folderList(request, folderOf(mailboxOf(request), request.params['folderId'] as string).folder.id),
  );
  router.add('POST', '/users/:userId/contactFolders/:folderId/childFolders', { ...MAILBOX, query: [] }, (request) =>
    createFolder(request, folderOf(mailboxOf(request), request.params['folderId'] as string).folder.id),
  );
  // $expand=singleValueExtendedProperties($filter=id eq '…') (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
  const renderFor = (request: GraphRequest) => (contact: ContactRecord) =>
    withExtendedProperties(request, renderContact(contact), contact.singleValueExtendedProperties ?? []);
  const contactList = (request: GraphRequest, contacts: DeltaCollection<ContactRecord>) =>
    pageOf(request, [...contacts.values()].map(renderFor(request)), {
      defaultSize: 10,
      maxSize: 1000,
      context: contextOf(request, 'contacts'),
    });
  const CONTACT_LIST = [...LIST, '$expand'];
  // The contacts of the default Contacts folder (https://learn.microsoft.com/graph/api/user-list-contacts).
  router.add('GET', '/users/:userId/contacts', { ...MAILBOX, query: CONTACT_LIST }, (request) =>
    contactList(request, defaultFolderOf(mailboxOf(request)).contacts),
  );
  router.add(
    'GET',
    '/users/:userId/contactFolders/:folderId/contacts',
    { ...MAILBOX, query: CONTACT_LIST },
    (request) => contactList(request, folderOf(mailboxOf(request), request.params['folderId'] as string).contacts),
  );
  // The page's example selects properties and pages by Prefer: odata.maxpagesize (https://learn.microsoft.com/graph/api/contact-delta).
  router.add(
    'GET',
    '/users/:userId/contactFolders/:folderId/contacts/delta',
    { ...MAILBOX, query: ['$select', '$skiptoken', '$deltatoken'] },
    (request) => {
      const { folder, contacts } = folderOf(mailboxOf(request), request.params['folderId'] as string);
      return deltaPage(request, {
        scope: `contacts:${folder.id}`,
        clock: context.tenant.clock,
        collections: [contacts],
        render: (contact) => applySelect(renderContact(contact), request.query.get('$select')),
        renderRemoved: removedEntry('#microsoft.graph.contact'),
        ...OUTLOOK_DELTA,
        forceResync: (scope) => context.faults.forceResync(scope),
      });
    },
  );
  const create = (request: GraphRequest, folderId: string | undefined) => {
    const mailbox = mailboxOf(request);
    const { folder, contacts } = folderId === undefined ? defaultFolderOf(mailbox) : folderOf(mailbox, folderId);
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
    const entity = { '@odata.context': `${request.graphBaseUrl}/$metadata#${contextOf(request, 'contacts')}/$entity` };
    return { status: 201, body: { ...entity, ...renderFor(request)(contact) } };
  };
  // https://learn.microsoft.com/graph/api/contactfolder-post-contacts, /graph/api/user-post-contacts (the default folder)
  router.add('POST', '/users/:userId/contactFolders/:folderId/contacts', { ...MAILBOX, query: [] }, (request) =>
    create(request, request.params['folderId'] as string),
  );
  router.add('POST', '/users/:userId/contacts', { ...MAILBOX, query: [] }, (request) => create(request, undefined));
  const findContact = (mailbox: Mailbox, id: string) => {
    for (const contacts of mailbox.contacts.values()) {
      const contact = contacts.get(id);
      if (contact) return { contact, contacts };
    }
    throw notFound(`contact ${id}`);
  };
  // https://learn.microsoft.com/graph/api/contact-get
  router.add('GET', '/users/:userId/contacts/:contactId', { ...MAILBOX, query: ['$select', '$expand'] }, (request) => {
    const contact = findContact(mailboxOf(request), request.params['contactId'] as string).contact;
    const entity = { '@odata.context': `${request.graphBaseUrl}/$metadata#${contextOf(request, 'contacts')}/$entity` };
    return ok(applySelect({ ...entity, ...renderFor(request)(contact) }, request.query.get('$select')));
  });
  // https://learn.microsoft.com/graph/api/contact-delete
  router.add('DELETE', '/users/:userId/contacts/:contactId', { ...MAILBOX, query: [] }, (request) => {
    const { contact, contacts } = findContact(mailboxOf(request), request.params['contactId'] as string);
    contacts.remove(contact.id);
    return { status: 204 };
  });
}
