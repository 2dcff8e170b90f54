import type { SimulatorContext } from '../context.js';
import { badRequest, GraphError } from '../http/errors.js';
import { jsonBody, ok } from '../http/odata.js';
import type { GraphRequest, GraphResponse, Handler } from '../http/types.js';
import { inlineContent, type ContentSource } from '../model/content.js';
import { findChild, newItem, replaceContent, resolvePath, setFileSystemInfo } from '../model/drive.js';
import type { DriveItemRecord, DriveRecord, IdentitySet } from '../model/records.js';
import { itemNotFound, type DriveAddressing } from './files-addressing.js';
import { requireMatch, requireNoneMatch } from './files-conditions.js';
import { conflictBehavior, freeName, nameAlreadyExists, type ConflictBehavior } from './files-naming.js';
import { ensureRoomFor } from './files-quota.js';
import { renderItem } from './files-render.js';

/** Simple upload limit (https://learn.microsoft.com/graph/api/driveitem-put-content). */
const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;
/** Upload session rules (https://learn.microsoft.com/graph/api/driveitem-createuploadsession#upload-bytes-to-the-upload-session). */
const FRAGMENT_MULTIPLE = 320 * 1024;
const FRAGMENT_LIMIT = 60 * 1024 * 1024 - 1;

interface WriteOptions {
  behavior: ConflictBehavior;
  fileSystemInfo?: { createdDateTime?: unknown; lastModifiedDateTime?: unknown };
}

/** The addressed item's parent folder and new name, when the request names a file by path (`items/{parent}:/name:`). */
function pathTarget(request: GraphRequest, drive: DriveRecord): { parent: DriveItemRecord; name: string } | undefined {
  const path = request.params['path'];
  if (path === undefined) return undefined;
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop() ?? '';
  const parent = resolvePath(drive, request.params['itemId'] ?? drive.rootId, parts.join('/'));
  if (!parent?.isFolder) throw itemNotFound(parts.join('/'));
  return { parent, name };
}

/**
 * Writes a file at the addressed path (new, 201) or item (existing, 200, a new version), honouring the conflict
 * behaviour; past the drive's quota it is a 507 and nothing is written.
 */
function writeFile(
  addressing: DriveAddressing,
  request: GraphRequest,
  drive: DriveRecord,
  content: ContentSource,
  options: WriteOptions,
): GraphResponse {
  const now = new Date().toISOString();
  const writer = addressing.writerOf(request);
  const target = pathTarget(request, drive);
  if (!target) {
    const item = addressing.itemOf(request, drive);
    if (item.isFolder) throw badRequest('Cannot write content to a folder.', 'invalidRequest');
    return replaceFile(drive, item, content, options, writer, now);
  }
  const existing = findChild(drive, target.parent.id, target.name);
  if (existing && options.behavior === 'fail') throw nameAlreadyExists(target.name);
  if (existing && !existing.isFolder && options.behavior === 'replace')
    return replaceFile(drive, existing, content, options, writer, now);
  ensureRoomFor(drive, content.size);
  const name = existing ? freeName(drive, target.parent.id, target.name) : target.name;
  const created = newItem(drive, target.parent.id, name, content, now, writer);
  setFileSystemInfo(created, options.fileSystemInfo);
  return { status: 201, body: renderItem(drive, drive.items.upsert(created)) };
}

/** A new version of an existing file: 200 with the item. */
function replaceFile(
  drive: DriveRecord,
  item: DriveItemRecord,
  content: ContentSource,
  options: WriteOptions,
  writer: IdentitySet,
  now: string,
): GraphResponse {
  ensureRoomFor(drive, content.size);
  setFileSystemInfo(item, options.fileSystemInfo);
  return ok(renderItem(drive, replaceContent(drive, item, content, now, writer)));
}

/** `PUT …/content`: simple upload, `replace` by default (https://learn.microsoft.com/graph/api/driveitem-put-content). */
export function putContentHandler(addressing: DriveAddressing): Handler {
  return (request) => {
    const drive = addressing.driveOf(request);
    if (request.body.length > SIMPLE_UPLOAD_LIMIT)
      throw new GraphError(413, 'requestTooLarge', 'Simple upload accepts at most 250 MB; use an upload session.');
    const behavior = conflictBehavior(request.query.get('@microsoft.graph.conflictBehavior') ?? undefined, 'replace');
    return writeFile(addressing, request, drive, inlineContent(request.body), { behavior });
  };
}

/** The request body of createUploadSession (https://learn.microsoft.com/graph/api/resources/driveitemuploadableproperties). */
interface UploadSessionRequest {
  item?: {
    '@microsoft.graph.conflictBehavior'?: string;
    name?: unknown;
    fileSize?: unknown;
    fileSystemInfo?: { createdDateTime?: unknown; lastModifiedDateTime?: unknown };
    [other: string]: unknown;
  };
  deferCommit?: unknown;
}

const UPLOADABLE = new Set(['@microsoft.graph.conflictBehavior', '@odata.type', 'name', 'fileSize', 'fileSystemInfo']);

/**
 * `POST …/createUploadSession` (https://learn.microsoft.com/graph/api/driveitem-createuploadsession): conflict
 * behaviour (default `fail`), `fileSize` checked against the quota (507), `If-Match`/`If-None-Match` (412),
 * `deferCommit` (the file is created by a final empty POST to the upload URL), `fileSystemInfo` kept on the file.
 */
export function createUploadSessionHandler(context: SimulatorContext, addressing: DriveAddressing): Handler {
  return (request) => {
    const drive = addressing.driveOf(request);
    const body: UploadSessionRequest = request.body.length ? jsonBody<UploadSessionRequest>(request) : {};
    const item = body.item ?? {};
    const unsupported = Object.keys(item).filter((key) => !UPLOADABLE.has(key));
    if (unsupported.length > 0)
      throw badRequest(`The simulator does not support: ${unsupported.join(', ')}.`, 'notSupported');
    const behavior = conflictBehavior(
      item['@microsoft.graph.conflictBehavior'] ?? request.query.get('@microsoft.graph.conflictBehavior') ?? undefined,
      'fail',
    );
    const target = pathTarget(request, drive);
    if (target && item.name !== undefined && item.name !== target.name)
      throw badRequest('The item path must end with the name given in the request body.', 'invalidRequest');
    const existing = target ? findChild(drive, target.parent.id, target.name) : addressing.itemOf(request, drive);
    requireMatch(request, existing);
    requireNoneMatch(request, existing);
    if (target && existing && behavior === 'fail') throw nameAlreadyExists(target.name);
    if (typeof item.fileSize === 'number') ensureRoomFor(drive, item.fileSize);
    const session = context.uploads.create({
      rules: { multipleOf: FRAGMENT_MULTIPLE, maxChunkBytes: FRAGMENT_LIMIT },
      progressStatus: 202,
      resource: `drive:${drive.id}`,
      deferCommit: body.deferCommit === true,
      complete: (content) =>
        writeFile(addressing, request, drive, content, {
          behavior,
          ...(item.fileSystemInfo ? { fileSystemInfo: item.fileSystemInfo } : {}),
        }),
    });
    return ok(session);
  };
}
