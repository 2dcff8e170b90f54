import { GraphError } from '../http/errors.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import type { DriveItemRecord } from '../model/records.js';
import { ctagOf, etagOf } from './files-render.js';

/** The entity tags a conditional header lists (`"a", "b"` or `*`), compared without quotes or a weak prefix. */
function listedTags(request: GraphRequest, header: 'if-match' | 'if-none-match'): string[] | undefined {
  const value = request.headers[header];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.join(',') : value)
    .split(/,(?=\s*(?:W\/)?")/)
    .map((tag) => bare(tag))
    .filter((tag) => tag.length > 0);
}

function bare(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** True when one of the listed tags is the item's eTag or cTag, or the list is `*`. */
function matches(tags: string[], item: DriveItemRecord): boolean {
  const current = new Set([bare(etagOf(item)), bare(ctagOf(item))]);
  return tags.some((tag) => tag === '*' || current.has(tag));
}

/**
 * `If-None-Match` with the item's eTag or cTag: `304 Not Modified` and no body
 * (https://learn.microsoft.com/graph/api/driveitem-get, driveitem-list-children, driveitem-get-content).
 */
export function notModified(request: GraphRequest, item: DriveItemRecord): GraphResponse | undefined {
  const tags = listedTags(request, 'if-none-match');
  if (!tags || !matches(tags, item)) return undefined;
  return { status: 304, headers: { etag: etagOf(item) } };
}

/** Graph's 412 for a failed precondition: `resourceModified`, "usually an eTag mismatch" (https://learn.microsoft.com/graph/errors#code-property). */
function preconditionFailed(): GraphError {
  return new GraphError(412, 'resourceModified', "ETag does not match the current item's value.");
}

/**
 * `If-Match` with a tag that is not the item's current eTag or cTag (or naming an item that does not exist yet):
 * `412 Precondition Failed`, nothing written (https://learn.microsoft.com/graph/api/driveitem-update,
 * driveitem-move, driveitem-delete, driveitem-createuploadsession).
 */
export function requireMatch(request: GraphRequest, item: DriveItemRecord | undefined): void {
  const tags = listedTags(request, 'if-match');
  if (tags && (!item || !matches(tags, item))) throw preconditionFailed();
}

/** `If-None-Match` on createUploadSession: a tag matching the current item is a 412 (driveitem-createuploadsession). */
export function requireNoneMatch(request: GraphRequest, item: DriveItemRecord | undefined): void {
  const tags = listedTags(request, 'if-none-match');
  if (tags && item && matches(tags, item)) throw preconditionFailed();
}
