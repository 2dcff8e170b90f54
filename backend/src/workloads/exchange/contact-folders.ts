import type { GraphReader, GraphResource } from '../../backup-unit/ports.js';
import { childFolderPath } from '../../catalog/index.js';
import {
  childContactFoldersPath,
  contactFolderPath,
  defaultContactFolderName,
  defaultContactFolderProbes,
  GraphRequestError,
  type GraphContactFolder,
} from '../../graph/index.js';

/** Kept under this module's name for the tests that build folder trees. */
export type { GraphContactFolder } from '../../graph/index.js';

/** A contact folder of the mailbox with its display-name path from the default Contacts folder down. */
export interface ContactFolderNode extends GraphContactFolder {
  /** As the catalog stores it (folder-path.ts). */
  path: string;
  /** The folder's parent when the parent is itself a backed-up contact folder. */
  parentId: string | null;
  /** `contacts` for the default Contacts folder when it was read by that name. */
  wellKnownName?: string;
}

type FolderReader = Pick<GraphReader, 'getJson' | 'pages'>;

/**
 * The default Contacts folder, read by its well-known name; undefined when Graph does not answer to that name (v1.0
 * does not document it: 400 ErrorInvalidIdMalformed, or 404).
 */
export async function readDefaultContactFolder(
  graph: FolderReader,
  userId: string,
): Promise<GraphContactFolder | undefined> {
  return readContactFolder(graph, userId, defaultContactFolderName);
}

async function readContactFolder(
  graph: FolderReader,
  userId: string,
  id: string,
): Promise<GraphContactFolder | undefined> {
  try {
    return await graph.getJson<GraphContactFolder>(contactFolderPath(userId, id), { resource: mailbox(userId) });
  } catch (error) {
    if (error instanceof GraphRequestError && (error.status === 400 || error.status === 404)) return undefined;
    throw error;
  }
}

/**
 * The id of the default Contacts folder: read by its well-known name or, where Graph does not answer to that (v1.0),
 * the `parentFolderId` of a contact in it (`/users/{id}/contacts`) or of one of its child folders
 * (`/users/{id}/contactFolders`). Undefined while it holds neither.
 */
export async function defaultContactFolderId(graph: FolderReader, userId: string): Promise<string | undefined> {
  const folder = await readDefaultContactFolder(graph, userId);
  return folder ? folder.id : defaultContactFolderIdFromListings(graph, userId);
}

/** The default Contacts folder's id as the first contact or child folder in it names it. */
async function defaultContactFolderIdFromListings(graph: FolderReader, userId: string): Promise<string | undefined> {
  for (const probe of defaultContactFolderProbes(userId)) {
    const listed = await graph.getJson<{ value?: { parentFolderId?: string }[] }>(probe, { resource: mailbox(userId) });
    const parentId = listed.value?.[0]?.parentFolderId;
    if (parentId) return parentId;
  }
  return undefined;
}

/** The default Contacts folder by its well-known name, else by the id its contacts or child folders name. */
async function defaultContactFolder(graph: FolderReader, userId: string): Promise<GraphContactFolder | undefined> {
  const byName = await readDefaultContactFolder(graph, userId);
  if (byName) return byName;
  const id = await defaultContactFolderIdFromListings(graph, userId);
  return id === undefined ? undefined : readContactFolder(graph, userId, id);
}

/**
 * Every contact folder of the mailbox, nested ones at any depth, each with its path. On Microsoft Graph
 * `GET /users/{id}/contactFolders` lists only the child folders of the default Contacts folder, whose own contacts are
 * therefore read from the default folder itself: the tree is walked from it by `childFolders` (contactFolder has no
 * childFolderCount, so every folder costs one listing). A mailbox whose default folder holds no contact and no folder
 * has nothing to walk. A folder is walked once, by id, however it was reached.
 * https://learn.microsoft.com/graph/api/user-list-contactfolders, /graph/api/contactfolder-list-childfolders
 */
export async function listContactFolders(graph: FolderReader, userId: string): Promise<ContactFolderNode[]> {
  const resource = mailbox(userId);
  const result: ContactFolderNode[] = [];
  const seen = new Set<string>();
  const visit = (folder: GraphContactFolder, parent: ContactFolderNode | null, wellKnownName?: string): void => {
    if (seen.has(folder.id)) return;
    seen.add(folder.id);
    result.push({
      id: folder.id,
      displayName: folder.displayName,
      ...(folder.parentFolderId !== undefined && { parentFolderId: folder.parentFolderId }),
      path: childFolderPath(parent?.path ?? '', folder.displayName),
      parentId: parent?.id ?? null,
      ...(wellKnownName !== undefined && { wellKnownName }),
    });
  };
  const listAll = async (listing: string): Promise<GraphContactFolder[]> => {
    const folders: GraphContactFolder[] = [];
    for await (const page of graph.pages<GraphContactFolder>(listing, { resource, maxPageSize: 100 }))
      folders.push(...page);
    return folders;
  };

  const root = await defaultContactFolder(graph, userId);
  if (root) visit(root, null, defaultContactFolderName);

  // Breadth first: `result` grows while it is walked, and every parent precedes its children.
  for (let index = 0; index < result.length; index++) {
    const parent = result[index]!;
    const children = await listAll(childContactFoldersPath(userId, parent.id));
    for (const child of children) visit(child, parent);
  }
  return result;
}

function mailbox(userId: string): GraphResource {
  return { kind: 'mailbox', userId };
}
