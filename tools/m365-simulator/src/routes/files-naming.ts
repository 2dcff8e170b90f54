import { badRequest, GraphError } from '../http/errors.js';
import { findChild } from '../model/drive.js';
import type { DriveRecord } from '../model/records.js';

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

/**
 * `@microsoft.graph.conflictBehavior`: `fail`, `replace` or `rename`; PUT defaults to `replace`
 * (https://learn.microsoft.com/graph/api/resources/driveitem#instance-attributes).
 */
export function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null) return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw badRequest(`Invalid conflict behavior '${String(value)}'.`, 'invalidRequest');
}

export function nameAlreadyExists(name: string): GraphError {
  return new GraphError(409, 'nameAlreadyExists', `An item named '${name}' already exists.`);
}

/** `rename` picks "name 1.ext", "name 2.ext"... as OneDrive does. */
export function freeName(drive: DriveRecord, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let counter = 1; ; counter++) {
    const candidate = `${stem} ${counter}${extension}`;
    if (!findChild(drive, parentId, candidate)) return candidate;
  }
}

/** Characters OneDrive for Business and SharePoint refuse in a name
 * (https://support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa#invalidcharacters). */
const INVALID_NAME = /["*:<>?/\\|]/;

/** A name the drive accepts, or 400 `invalidRequest` (the errors page's detailed code `invalidPath`). */
export function requireValidName(name: unknown): string {
  if (typeof name !== 'string' || name.trim().length === 0 || INVALID_NAME.test(name))
    throw badRequest(`The name '${String(name)}' contains invalid characters or is empty.`, 'invalidRequest');
  return name;
}
