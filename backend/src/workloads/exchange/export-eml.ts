import type { ItemVersion } from '../../catalog/index.js';

/** A file name for a message's EML: its subject, made safe for every file system, and its position for uniqueness. */
export function emlFileName(version: ItemVersion, position: number): string {
  const subject = (version.name || 'message')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
    .trim()
    .slice(0, 100);
  return `${subject || 'message'} (${position}).eml`;
}
