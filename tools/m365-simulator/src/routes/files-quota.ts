import { GraphError } from '../http/errors.js';
import { usedBytes } from '../model/drive.js';
import type { DriveRecord } from '../model/records.js';

/**
 * A write that would take the drive past its quota is refused with `507 Insufficient Storage` and the code
 * `quotaLimitReached` (https://learn.microsoft.com/graph/errors); an upload session whose declared `fileSize` exceeds
 * what remains is refused when it is created (https://learn.microsoft.com/graph/api/driveitem-createuploadsession).
 */
export function ensureRoomFor(drive: DriveRecord, bytes: number): void {
  if (bytes <= 0) return;
  const remaining = drive.quotaTotal - usedBytes(drive);
  if (bytes > remaining)
    throw new GraphError(
      507,
      'quotaLimitReached',
      `Insufficient Space Available: ${bytes} bytes to write, ${Math.max(0, remaining)} remaining in the drive.`,
    );
}
