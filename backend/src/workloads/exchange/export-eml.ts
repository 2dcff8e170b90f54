import type { ItemVersion } from '../../catalog/index.js';
import { safeFileName, safeName } from '../../restore-model/safe-name.js';

/** A file name for a message's EML: its subject, made safe for every file system, and its position for uniqueness. */
export function emlFileName(version: ItemVersion, position: number): string {
  return safeFileName(`${safeName(version.name.slice(0, 100), 'message')} (${position})`, 'eml', 'message');
}
