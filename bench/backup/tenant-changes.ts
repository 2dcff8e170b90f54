// Changes a share of the tenant's items through the simulator's control surface, as users would between two backups:
// messages edited (flag), moved, deleted and new ones received; files edited (new content), deleted and added. The
// simulator runs in its own process (or in this one, still reached over HTTP): changes go through `/_sim`.
import type { FolderSummary, RemoteSimulatorControl } from '@custodia/m365-simulator';
import type { InventoryItem } from '../../backend/test/backup-scale/inventory.ts';

export interface ChangeSummary {
  edited: number;
  moved: number;
  deleted: number;
  added: number;
}

const messageChanges = ['edit', 'move', 'delete', 'add'] as const;
const fileChanges = ['edit', 'delete', 'add'] as const;

/** Applies `count` changes spread evenly over the inventory; deterministic for the same inventory. */
export async function changeItems(
  control: RemoteSimulatorControl,
  inventory: readonly InventoryItem[],
  count: number,
): Promise<ChangeSummary> {
  const summary: ChangeSummary = { edited: 0, moved: 0, deleted: 0, added: 0 };
  const stride = Math.max(1, Math.floor(inventory.length / Math.max(1, count)));
  for (let n = 0; n < count && n * stride < inventory.length; n++) {
    const item = inventory[n * stride]!;
    const [kind, owner] = splitResource(item.resourceId);
    if (kind === 'mailbox') {
      const change = messageChanges[n % messageChanges.length]!;
      await changeMessage(control, owner, item.graphId, change, n);
      summary[change === 'edit' ? 'edited' : change === 'move' ? 'moved' : change === 'delete' ? 'deleted' : 'added']++;
    } else {
      const change = fileChanges[n % fileChanges.length]!;
      if (change === 'edit') await control.updateFile(owner, item.graphId, { size: 20_000 + n, seed: 1_000 + n });
      else if (change === 'delete') await control.deleteDriveItem(owner, item.graphId);
      else
        await control.addFile(
          owner,
          '',
          `Nuovo documento ${n}.txt`,
          Buffer.from(`Documento aggiunto ${n} / added ${n}\n`),
        );
      summary[change === 'edit' ? 'edited' : change === 'delete' ? 'deleted' : 'added']++;
    }
  }
  return summary;
}

async function changeMessage(
  control: RemoteSimulatorControl,
  userId: string,
  messageId: string,
  change: (typeof messageChanges)[number],
  n: number,
): Promise<void> {
  let current: FolderSummary | undefined;
  for (const folder of await control.listMailFolders(userId)) {
    if ((await control.listMessages(userId, folder.id)).some((message) => message.id === messageId)) {
      current = folder;
      break;
    }
  }
  if (change === 'edit') await control.updateMessage(userId, messageId, { flagged: true, isRead: true });
  else if (change === 'delete') await control.deleteMessage(userId, messageId);
  else if (change === 'move')
    await control.moveMessage(userId, messageId, current?.wellKnownName === 'archive' ? 'inbox' : 'archive');
  else {
    const mime = [
      'From: Fornitore <fornitore@example.com>',
      `To: ${userId}@example.com`,
      `Subject: Nuovo ordine ${n} / New order ${n}`,
      `Date: ${new Date().toUTCString()}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Ordine numero ${n}.`,
      '',
    ].join('\r\n');
    await control.addMessage(userId, current?.id ?? 'inbox', mime);
  }
}

function splitResource(resourceId: string): [string, string] {
  const colon = resourceId.indexOf(':');
  return [resourceId.slice(0, colon), resourceId.slice(colon + 1)];
}
