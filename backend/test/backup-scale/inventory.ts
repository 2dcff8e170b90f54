// What the simulator holds and what the catalog holds, item by item, so that a test or the benchmark can say
// "nothing missing, nothing extra, nothing twice". No relative value imports: `bench/backup.ts` loads this file too.
import type { Db } from 'mongodb';
import type { DriveSummary, FolderSummary, SimulatorControl, UserSummary } from '@custodia/m365-simulator';
import type { PlainGraph } from './plain-graph.js';

type Awaitable<T> = T | Promise<T>;

/**
 * What the inventory reads of the simulator's control surface: SimulatorControl in process (tests), or
 * RemoteSimulatorControl over `/_sim` when the simulator runs in its own process (the benchmark).
 */
export interface InventoryControl {
  listUsers(): Awaitable<readonly UserSummary[]>;
  listMailFolders(user: string): Awaitable<readonly FolderSummary[]>;
  listMessages(user: string, folder: string): Awaitable<ReadonlyArray<{ readonly id: string }>>;
  listDrives(): Awaitable<readonly DriveSummary[]>;
}

/** One item a backup must hold: its catalog resource, its Graph id, and where a plain client reads its bytes. */
export interface InventoryItem {
  readonly resourceId: string;
  readonly graphId: string;
  readonly contentPath: string;
}

interface DriveDeltaItem {
  id: string;
  file?: object;
  deleted?: object;
}

/**
 * Every message of every mailbox (from the simulator's control surface) and every file of every drive (by a plain
 * drive delta, since the control surface does not list drive items), named as the run engine names resources.
 */
export async function simulatorInventory(control: InventoryControl, graph: PlainGraph): Promise<InventoryItem[]> {
  const items: InventoryItem[] = [];
  for (const user of await control.listUsers()) {
    const userPath = `/users/${encodeURIComponent(user.id)}/messages/`;
    for (const folder of await control.listMailFolders(user.id)) {
      for (const message of await control.listMessages(user.id, folder.id)) {
        items.push({
          resourceId: `mailbox:${user.id}`,
          graphId: message.id,
          contentPath: `${userPath}${encodeURIComponent(message.id)}/$value`,
        });
      }
    }
  }
  for (const drive of await control.listDrives()) {
    const kind = drive.driveType === 'documentLibrary' ? 'sharepoint' : 'onedrive';
    const drivePath = `/drives/${encodeURIComponent(drive.id)}`;
    for await (const page of graph.pages<DriveDeltaItem>(`${drivePath}/root/delta`)) {
      for (const item of page) {
        if (!item.file || item.deleted) continue;
        items.push({
          resourceId: `${kind}:${drive.id}`,
          graphId: item.id,
          contentPath: `${drivePath}/items/${encodeURIComponent(item.id)}/content`,
        });
      }
    }
  }
  return items;
}

export interface CatalogDifferences {
  /** Open (current) versions in the catalog. */
  readonly current: number;
  readonly missing: string[];
  readonly unexpected: string[];
  /** Items with more than one open version. */
  readonly duplicated: string[];
}

/** Compares the catalog's open versions of a tenant with the inventory; every list empty means an exact match. */
export async function catalogDifferences(
  db: Db,
  tenantId: string,
  expected: readonly InventoryItem[],
): Promise<CatalogDifferences> {
  const open = new Map<string, number>();
  const cursor = db
    .collection<{ resourceId: string; graphId: string }>('itemVersions')
    .find({ tenantId, validTo: null }, { projection: { _id: 0, resourceId: 1, graphId: 1 } });
  for await (const version of cursor) {
    const key = `${version.resourceId} ${version.graphId}`;
    open.set(key, (open.get(key) ?? 0) + 1);
  }
  const wanted = new Set(expected.map((item) => `${item.resourceId} ${item.graphId}`));
  return {
    current: [...open.values()].reduce((sum, count) => sum + count, 0),
    missing: [...wanted].filter((key) => !open.has(key)),
    unexpected: [...open.keys()].filter((key) => !wanted.has(key)),
    duplicated: [...open].filter(([, count]) => count > 1).map(([key]) => key),
  };
}

const largeGeneratedFile = 'Archivio video 2 GB.zip';

/** The generated tenant's single 2 GiB file: removed by tests and, unless asked for, by the benchmark. */
export function removeLargeGeneratedFile(control: SimulatorControl): boolean {
  const first = control.listUsers()[0];
  const id = first && control.findDriveItem(first.driveId, largeGeneratedFile);
  if (!first || !id) return false;
  control.deleteDriveItem(first.driveId, id);
  return true;
}

/** The same through a control surface in another process (RemoteSimulatorControl). */
export async function removeLargeGeneratedFileRemotely(
  control: InventoryControl & {
    findDriveItem(driveId: string, path: string): Promise<string | undefined>;
    deleteDriveItem(driveId: string, itemId: string): Promise<void>;
  },
): Promise<boolean> {
  const first = (await control.listUsers())[0];
  const id = first && (await control.findDriveItem(first.driveId, largeGeneratedFile));
  if (!first || !id) return false;
  await control.deleteDriveItem(first.driveId, id);
  return true;
}
