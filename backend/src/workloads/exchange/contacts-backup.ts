import { syncPolledStreams } from '../../backup-unit/delta-prefetch.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { contactDeltaStart, type GraphContact } from '../../graph/index.js';
import { recordMailboxFolders } from './catalog-folders.js';
import { listContactFolders } from './contact-folders.js';
import { backupOutlookJsonStream, outlookJsonPageSize, type OutlookJsonStream } from './outlook-json-backup.js';

const containerIdOf = (folderId: string): string => `contacts:${folderId}`;

/**
 * Backs up every contact folder of a mailbox (the default Contacts folder and its child folders at any depth) by
 * contact delta, each contact as its JSON. The folders go into the catalog, so they can be browsed and restored; a
 * folder gone since the last run closes its contacts. Incremental polls go 20 to a JSON batch (delta-prefetch.ts).
 * https://learn.microsoft.com/graph/api/contact-delta
 */
export async function backupContacts(context: UnitContext, userId: string): Promise<void> {
  const folders = await listContactFolders(context.graph, userId);
  await recordMailboxFolders(context, 'contacts', folders);
  const cursors = await context.catalog.deltaCursorsOf(context.resource.resourceId);
  await syncPolledStreams<GraphContact>(
    context.graph,
    { kind: 'mailbox', userId },
    outlookJsonPageSize,
    folders.map((folder) => {
      const containerId = containerIdOf(folder.id);
      const saved = cursors.get(containerId) ?? null;
      const stream = {
        userId,
        kind: 'contact' as const,
        containerId,
        containerPath: folder.path,
        startLink: contactDeltaStart(userId, folder.id),
        saved,
        describe: describeContact,
      };
      return { saved, sync: (prefetched) => backupOutlookJsonStream<GraphContact>(context, { ...stream, prefetched }) };
    }),
  );
}

function describeContact(contact: GraphContact): ReturnType<OutlookJsonStream<GraphContact>['describe']> {
  const addresses = (contact.emailAddresses ?? [])
    .map((email) => email.address?.toLowerCase())
    .filter((address): address is string => Boolean(address));
  return {
    name: contact.displayName ?? '',
    to: addresses,
    ...(contact.lastModifiedDateTime !== undefined && { itemDate: new Date(contact.lastModifiedDateTime) }),
    properties: { companyName: contact.companyName ?? undefined },
  };
}
