import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { notFound } from '../http/errors.js';
import { jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import type { ContactRecord, Mailbox } from '../model/records.js';
import { exchangeIdFrom } from '../util/ids.js';
import { randomUUID } from 'node:crypto';
import { mailboxTarget } from './targets.js';

const MAILBOX = { resource: 'mailbox' as const };

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
  };
}

interface ContactJson {
  givenName?: string;
  surname?: string;
  displayName?: string;
  emailAddresses?: Array<{ name?: string; address?: string }>;
  companyName?: string;
  mobilePhone?: string;
}

/** Contacts: folders, list, delta (https://learn.microsoft.com/graph/api/contact-delta), create, delete. */
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

  router.add('GET', '/users/:userId/contactFolders', MAILBOX, (request) => {
    const folders = [...mailboxOf(request).contactFolders.values()].map((folder) => ({
      id: folder.id,
      displayName: folder.displayName,
      parentFolderId: folder.parentFolderId,
    }));
    return pageOf(request, folders, { defaultSize: 10, maxSize: 1000 });
  });
  router.add('GET', '/users/:userId/contactFolders/:folderId/contacts', MAILBOX, (request) => {
    const { contacts } = folderOf(mailboxOf(request), request.params['folderId'] as string);
    return pageOf(request, [...contacts.values()].map(renderContact), { defaultSize: 10, maxSize: 1000 });
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
    });
    return { status: 201, body: renderContact(contact) };
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
    ok(renderContact(findContact(mailboxOf(request), request.params['contactId'] as string).contact)),
  );
  router.add('DELETE', '/users/:userId/contacts/:contactId', MAILBOX, (request) => {
    const { contact, contacts } = findContact(mailboxOf(request), request.params['contactId'] as string);
    contacts.remove(contact.id);
    return { status: 204 };
  });
}
