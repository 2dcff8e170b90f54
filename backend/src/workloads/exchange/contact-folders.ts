import type { GraphReader, GraphResource } from '../../backup/ports.js';
import { childFolderPath } from '../../catalog/index.js';
import { GraphRequestError } from '../../graph/index.js';

/** The fields of a Graph contactFolder we use (learn.microsoft.com/graph/api/resources/contactfolder). */
export interface GraphContactFolder {
  id: string;
  displayName: string;
  parentFolderId?: string;
}

/** A contact folder of the mailbox with its display-name path from the default Contacts folder down. */
export interface ContactFolderNode extends GraphContactFolder {
  /** As the catalog stores it (folder-path.ts). */
  path: string;
  /** The folder's parent when the parent is itself a backed-up contact folder. */
  parentId: string | null;
  /** `contacts` for the default Contacts folder when it was read by that name. */
  wellKnownName?: string;
}

/**
 * The name Exchange accepts in place of the default Contacts folder's id in `/contactFolders/{id}/…`. The v1.0
 * reference does not list it; the beta contactFolder resource does (`wellKnownName`: "Currently `contacts` is the
 * only recognized contacts folder"), and backup tools that read Exchange Online through v1.0 rely on it (as they do
 * on mail's `inbox`). Not yet checked against a real tenant from here.
 */
export const defaultContactFolderName = 'contacts';

type FolderReader = Pick<GraphReader, 'getJson' | 'pages'>;

const folderSelect = '$select=id,displayName,parentFolderId';

/**
 * The default Contacts folder, read by its well-known name; undefined when Graph does not answer to that name (the
 * tenant simulator serves no single contact folder, and answers 400 "Resource not found for the segment").
 */
export async function readDefaultContactFolder(
  graph: FolderReader,
  userId: string,
): Promise<GraphContactFolder | undefined> {
  try {
    return await graph.getJson<GraphContactFolder>(
      `/users/${encodeURIComponent(userId)}/contactFolders/${defaultContactFolderName}?${folderSelect}`,
      { resource: mailbox(userId) },
    );
  } catch (error) {
    if (error instanceof GraphRequestError && (error.status === 400 || error.status === 404)) return undefined;
    throw error;
  }
}

/**
 * The id of the default Contacts folder: read by its well-known name or, where Graph does not answer to that, the
 * parent of any contact in it. Undefined while the folder cannot be read and holds no contact.
 */
export async function defaultContactFolderId(graph: FolderReader, userId: string): Promise<string | undefined> {
  const folder = await readDefaultContactFolder(graph, userId);
  if (folder) return folder.id;
  const user = encodeURIComponent(userId);
  const listed = await graph.getJson<{ value?: { parentFolderId?: string }[] }>(
    `/users/${user}/contactFolders/${defaultContactFolderName}/contacts?$select=id,parentFolderId&$top=1`,
    { resource: mailbox(userId) },
  );
  return listed.value?.[0]?.parentFolderId;
}

/**
 * Every contact folder of the mailbox, nested ones at any depth, each with its path. On Microsoft Graph
 * `GET /users/{id}/contactFolders` lists only the child folders of the default Contacts folder, whose own contacts are
 * therefore read from the default folder itself: the tree is walked from it by `childFolders` (contactFolder has no
 * childFolderCount, so every folder costs one listing). Where the default folder cannot be read by its well-known name
 * (the tenant simulator), the folders `/contactFolders` lists are the roots instead: the simulator lists the default
 * folder there (and folders posted there beside it). A folder is walked once, by id, however it was reached.
 * https://learn.microsoft.com/graph/api/user-list-contactfolders, /graph/api/contactfolder-list-childfolders
 */
export async function listContactFolders(graph: FolderReader, userId: string): Promise<ContactFolderNode[]> {
  const user = encodeURIComponent(userId);
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

  const root = await readDefaultContactFolder(graph, userId);
  if (root) visit(root, null, defaultContactFolderName);
  else for (const folder of await listAll(`/users/${user}/contactFolders?${folderSelect}`)) visit(folder, null);

  // Breadth first: `result` grows while it is walked, and every parent precedes its children.
  for (let index = 0; index < result.length; index++) {
    const parent = result[index]!;
    const children = await listAll(
      `/users/${user}/contactFolders/${encodeURIComponent(parent.id)}/childFolders?${folderSelect}`,
    );
    for (const child of children) visit(child, parent);
  }
  return result;
}

function mailbox(userId: string): GraphResource {
  return { kind: 'mailbox', userId };
}
