import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import type { SimulatorControl } from '@custodia/m365-simulator';
import type { InventoryItem } from './inventory.js';

/**
 * Items whose current catalog version does not hold the simulator's exact bytes (message MIME, file content),
 * compared by SHA-256: what a resumed download or a retried request could get wrong.
 */
export async function itemsWithWrongContent(
  db: Db,
  tenantId: string,
  control: SimulatorControl,
  expected: readonly InventoryItem[],
): Promise<string[]> {
  const stored = new Map<string, string | undefined>();
  const versions = db
    .collection<{ resourceId: string; graphId: string; content?: { sha256: string } }>('itemVersions')
    .find({ tenantId, validTo: null }, { projection: { _id: 0, resourceId: 1, graphId: 1, content: 1 } });
  for await (const version of versions) stored.set(`${version.resourceId} ${version.graphId}`, version.content?.sha256);
  const wrong: string[] = [];
  for (const item of expected) {
    const [kind, owner] = [
      item.resourceId.slice(0, item.resourceId.indexOf(':')),
      item.resourceId.slice(item.resourceId.indexOf(':') + 1),
    ];
    const actual =
      kind === 'mailbox'
        ? createHash('sha256').update(control.messageMime(owner, item.graphId)).digest('hex')
        : await control.fileSha256(owner, item.graphId);
    const key = `${item.resourceId} ${item.graphId}`;
    if (stored.get(key) !== actual) wrong.push(key);
  }
  return wrong;
}
