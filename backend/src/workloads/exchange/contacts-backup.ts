import type { UnitContext } from '../../backup/unit-context.js';
import { backupOutlookJsonStream, type OutlookJsonItem } from './outlook-json-backup.js';

interface GraphContactFolder {
  id: string;
  displayName: string;
}

interface GraphContact extends OutlookJsonItem {
  displayName?: string;
  companyName?: string | null;
  emailAddresses?: { address?: string; name?: string }[];
  lastModifiedDateTime?: string;
}

/**
 * Backs up every contact folder of a mailbox by contact delta, each contact as its JSON.
 * https://learn.microsoft.com/graph/api/user-list-contactfolders, /graph/api/contact-delta
 */
export async function backupContacts(context: UnitContext, userId: string): Promise<void> {
  const user = encodeURIComponent(userId);
  const resource = { kind: 'mailbox', userId } as const;
  const cursors = await context.catalog.deltaCursorsOf(context.resource.resourceId);
  for await (const folders of context.graph.pages<GraphContactFolder>(`/users/${user}/contactFolders`, {
    resource,
    maxPageSize: 100,
  })) {
    for (const folder of folders) {
      const containerId = `contacts:${folder.id}`;
      await backupOutlookJsonStream<GraphContact>(context, {
        userId,
        kind: 'contact',
        containerId,
        containerPath: folder.displayName,
        startLink: `/users/${user}/contactFolders/${encodeURIComponent(folder.id)}/contacts/delta`,
        saved: cursors.get(containerId) ?? null,
        describe: (contact) => {
          const addresses = (contact.emailAddresses ?? [])
            .map((email) => email.address?.toLowerCase())
            .filter((address): address is string => Boolean(address));
          return {
            name: contact.displayName ?? '',
            to: addresses,
            ...(contact.lastModifiedDateTime !== undefined && { itemDate: new Date(contact.lastModifiedDateTime) }),
            properties: { companyName: contact.companyName ?? undefined },
          };
        },
      });
    }
  }
}
