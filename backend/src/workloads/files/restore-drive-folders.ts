import { joinFolderPath } from '../../catalog/index.js';
import {
  driveChildByNamePath,
  driveChildrenPath,
  driveRootPath,
  type GraphDriveItem,
  type GraphGateway,
} from '../../graph/index.js';
import { isGraphStatus } from '../../restore-model/outcome.js';

type DriveItemRef = Pick<GraphDriveItem, 'id' | 'name'>;

/** Encodes a drive path for `root:/<path>:` addressing, segment by segment. */
export function drivePath(segments: readonly string[]): string {
  return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

/**
 * Finds or creates folders by path in one drive, each level once per restore.
 * https://learn.microsoft.com/graph/api/driveitem-post-children
 */
export class DriveFolderPaths {
  private readonly known = new Map<string, Promise<string>>();

  constructor(
    private readonly graph: GraphGateway,
    private readonly driveId: string,
  ) {}

  /** The item id of the folder at `path` (the root for an empty path), created with its parents where missing. */
  ensure(path: readonly string[]): Promise<string> {
    const key = joinFolderPath(path);
    let id = this.known.get(key);
    if (!id) {
      id = this.create(path);
      this.known.set(key, id);
      id.catch(() => this.known.delete(key));
    }
    return id;
  }

  private async create(path: readonly string[]): Promise<string> {
    const resource = { kind: 'drive', driveId: this.driveId } as const;
    if (path.length === 0)
      return (await this.graph.getJson<DriveItemRef>(driveRootPath(this.driveId), { resource })).id;
    const parentId = await this.ensure(path.slice(0, -1));
    const name = path[path.length - 1] as string;
    const existing = await this.find(parentId, name);
    if (existing) return existing;
    try {
      const created = await this.graph.sendJson<DriveItemRef>(
        'POST',
        driveChildrenPath(this.driveId, parentId),
        { name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
        { resource },
      );
      return created.id;
    } catch (error) {
      const raced = isGraphStatus(error, 409) ? await this.find(parentId, name) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  private async find(parentId: string, name: string): Promise<string | undefined> {
    const resource = { kind: 'drive', driveId: this.driveId } as const;
    const path = driveChildByNamePath(this.driveId, parentId, name, '$select=id,name');
    try {
      return (await this.graph.getJson<DriveItemRef>(path, { resource })).id;
    } catch (error) {
      if (isGraphStatus(error, 404)) return undefined;
      throw error;
    }
  }
}
