import type { ItemVersion } from '../../catalog/index.js';
import { driveChildContentPath, driveChildUploadSessionPath } from '../../graph/index.js';
import type { RestoreWriteContext } from '../item-writer.js';

/** Upload-session fragments must be multiples of 320 KiB (learn.microsoft.com/graph/api/driveitem-createuploadsession). */
export const uploadFragmentMultiple = 320 * 1024;

export interface FileUpload {
  driveId: string;
  parentId: string;
  name: string;
  version: ItemVersion;
  conflictBehavior: 'fail' | 'replace';
}

interface UploadedItem {
  id: string;
}

/**
 * Writes one backed-up file into a folder. Non-empty files go through an upload session that carries the conflict
 * behaviour and the original modified time, in fragments read from the content store one at a time (never the whole
 * file in memory); an empty file, which a session cannot carry, is a simple PUT.
 */
export async function uploadFromStore(context: RestoreWriteContext, upload: FileUpload): Promise<UploadedItem> {
  const { driveId, version } = upload;
  const resource = { kind: 'drive', driveId } as const;
  const target = { driveId, parentId: upload.parentId, name: upload.name, conflictBehavior: upload.conflictBehavior };
  if (version.size === 0) {
    const answer = await context.graph.putBytes(driveChildContentPath(target), Buffer.alloc(0), { resource });
    return answer.body as UploadedItem;
  }
  const modified = version.properties.lastModifiedDateTime as string | undefined;
  const created = version.properties.createdDateTime as string | undefined;
  const session = await context.graph.sendJson<{ uploadUrl: string }>(
    'POST',
    driveChildUploadSessionPath(target),
    {
      item: {
        '@microsoft.graph.conflictBehavior': upload.conflictBehavior,
        name: upload.name,
        ...((modified || created) && {
          fileSystemInfo: {
            ...(created && { createdDateTime: created }),
            ...(modified && { lastModifiedDateTime: modified }),
          },
        }),
      },
    },
    { resource },
  );
  const chunkBytes = Math.max(
    uploadFragmentMultiple,
    Math.floor(context.fileChunkBytes / uploadFragmentMultiple) * uploadFragmentMultiple,
  );
  let sent = 0;
  let last: unknown;
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  const sendFragment = async (fragment: Buffer): Promise<void> => {
    const answer = await context.graph.putBytes(session.uploadUrl, fragment, {
      resource,
      anonymous: true,
      headers: { 'Content-Range': `bytes ${sent}-${sent + fragment.length - 1}/${version.size}` },
    });
    sent += fragment.length;
    last = answer.body;
  };
  for await (const piece of context.store.openStream(context.tenantId, version.content!)) {
    pending.push(piece as Buffer);
    pendingBytes += (piece as Buffer).length;
    while (pendingBytes >= chunkBytes) {
      const joined = Buffer.concat(pending);
      await sendFragment(joined.subarray(0, chunkBytes));
      pending.length = 0;
      pending.push(joined.subarray(chunkBytes));
      pendingBytes = joined.length - chunkBytes;
    }
  }
  if (pendingBytes > 0) await sendFragment(Buffer.concat(pending));
  return last as UploadedItem;
}
