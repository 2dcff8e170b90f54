import { joinFolderPath, splitFolderPath, type ItemVersion } from '../../catalog/index.js';
import {
  attachmentUploadSessionPath,
  createMessage,
  messageAttachmentsPath,
  updateMessage,
  type GraphMessage,
} from '../../graph/index.js';
import type { ItemWriter, RecordIntent, RestoreWriteContext } from '../item-writer.js';
import type { RestoreItem } from '../../restore-model/model.js';
import { alreadyThere, type VerifyOutcome, type WriteOutcome } from '../../restore-model/outcome.js';
import type { TargetLocation } from '../../restore-model/target-location.js';
import { MailFolderPaths } from './restore-mail-folders.js';
import { importFullFidelity } from './restore-import.js';
import { FolderMessageIndex } from './restore-mail-index.js';
import { messageToCreate, parseMime, type BackedUpMailState } from './restore-mail-json.js';
import { mailPartsOf, type FilePart, type MailPart, type MessagePart } from './restore-mail-parts.js';
import { verifyRestoredMessage } from './restore-mail-verify.js';

/** Attachments under this size are POSTed whole; larger ones go through an upload session. */
const inlineAttachmentLimit = 3 * 1024 * 1024;
/** Upload-session chunks for attachments: at most 4 MB (learn.microsoft.com/graph/outlook-large-attachments). */
const attachmentChunkBytes = 4 * 1024 * 1024;

type CreatedMessage = Pick<GraphMessage, 'id' | 'isRead' | 'importance' | 'categories' | 'flag'>;

/**
 * Restores messages as received, non-draft messages with their original dates, state and attachments, into their
 * folder path (recreated as needed). Conflicts are messages with the same internetMessageId in the target folder.
 */
export class MailWriter implements ItemWriter {
  private readonly folders = new Map<string, MailFolderPaths>();
  private readonly indexes = new Map<string, FolderMessageIndex>();

  constructor(private readonly context: RestoreWriteContext) {}

  async write(
    item: RestoreItem,
    version: ItemVersion,
    location: TargetLocation,
    intend: RecordIntent,
  ): Promise<WriteOutcome> {
    const userId = location.id;
    const folderId = await this.folderPaths(userId).ensure(location.folderPath);
    const index = this.index(userId, folderId);
    const state = version.properties as BackedUpMailState;
    const identity = state.internetMessageId;

    // An earlier attempt may have created this message (maybe without all its attachments): remove that copy.
    if (item.state === 'writing') await index.deleteInterruptedCopy(item, identity);

    const existing = identity ? await index.withMessageId(identity) : [];
    if (existing.length > 0 && this.context.conflictPolicy === 'skip')
      return { state: 'skipped', reason: alreadyThere };
    await intend({
      targetResource: `mailbox:${userId}`,
      targetPath: joinFolderPath(location.folderPath),
      preexistingIds: existing,
    });
    if (this.context.conflictPolicy === 'overwrite') for (const id of existing) await index.delete(id);

    const imported = await importFullFidelity(this.context, userId, version, async () => folderId);
    if (imported) {
      index.remember(imported, identity, undefined);
      return { state: 'restored', createdId: imported, targetName: version.name, restoredBy: 'import' };
    }
    const createdId = await this.createFromJson(userId, folderId, version, item.marker, index);
    return { state: 'restored', createdId, targetName: version.name, restoredBy: 'json' };
  }

  /** The fallback: the message recreated from its MIME as JSON, then its attachments and state. */
  private async createFromJson(
    userId: string,
    folderId: string,
    version: ItemVersion,
    marker: string,
    index: FolderMessageIndex,
  ): Promise<string> {
    const state = version.properties as BackedUpMailState;
    const mime = await this.context.store.read(this.context.tenantId, version.content!);
    const { json, attachments } = messageToCreate(await parseMime(mime), await mailPartsOf(mime), state, marker);
    const body = Buffer.byteLength(JSON.stringify(json));
    await this.context.pacer.take(userId, body);
    const created = await createMessage<CreatedMessage>(this.context.graph, userId, folderId, json);
    index.remember(created.id, state.internetMessageId, marker);
    try {
      for (const attachment of attachments) await this.attach(userId, created.id, attachment);
      await this.restoreState(userId, created, json);
    } catch (error) {
      // A message without all its attachments is not a restore: take it away and report the failure.
      await index.delete(created.id).catch(() => undefined);
      throw error;
    }
    return created.id;
  }

  verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<VerifyOutcome> {
    const userId = (item.targetResource ?? '').replace(/^mailbox:/, '');
    return verifyRestoredMessage(this.context, {
      userId,
      createdId,
      version,
      expectedFolderId: this.folderPaths(userId).ensure(splitFolderPath(item.targetPath ?? '')),
      restoredBy: item.restoredBy ?? 'json',
    });
  }

  private async attach(userId: string, messageId: string, attachment: MailPart): Promise<void> {
    const path = messageAttachmentsPath(userId, messageId);
    const file = attachment.kind === 'file' ? attachment : await this.forwarded(userId, path, attachment);
    if (!file) return;
    const resource = this.resource(userId);
    const described = {
      name: file.name,
      contentType: file.contentType,
      isInline: file.isInline,
      ...(file.contentId && { contentId: file.contentId }),
    };
    if (file.bytes.length < inlineAttachmentLimit) {
      const json = {
        '@odata.type': '#microsoft.graph.fileAttachment',
        ...described,
        contentBytes: file.bytes.toString('base64'),
      };
      await this.context.pacer.take(userId, Math.ceil((file.bytes.length * 4) / 3));
      await this.context.graph.sendJson('POST', path, json, { resource });
      return;
    }
    const session = await this.context.graph.sendJson<{ uploadUrl: string }>(
      'POST',
      attachmentUploadSessionPath(userId, messageId),
      { AttachmentItem: { attachmentType: 'file', size: file.bytes.length, ...described } },
      { resource },
    );
    for (let start = 0; start < file.bytes.length; start += attachmentChunkBytes) {
      const chunk = file.bytes.subarray(start, start + attachmentChunkBytes);
      await this.context.pacer.take(userId, chunk.length);
      await this.context.graph.putBytes(session.uploadUrl, chunk, {
        resource,
        anonymous: true,
        headers: { 'Content-Range': `bytes ${start}-${start + chunk.length - 1}/${file.bytes.length}` },
      });
    }
  }

  /**
   * A forwarded message goes back as an item attachment, itself a message with its own attachments
   * (learn.microsoft.com/graph/api/message-post-attachments, item attachment). One over the 3 MB a POST takes goes
   * as a message/rfc822 file through an upload session instead (upload sessions take file attachments only).
   */
  private async forwarded(userId: string, path: string, part: MessagePart): Promise<FilePart | null> {
    const asFile: FilePart = {
      kind: 'file',
      name: part.name,
      contentType: 'message/rfc822',
      isInline: false,
      bytes: part.mime,
    };
    if (part.mime.length >= inlineAttachmentLimit) return asFile;
    const parts = await mailPartsOf(part.mime);
    const { json } = messageToCreate(await parseMime(part.mime), parts, {}, undefined);
    const files = parts.attachments.map((inner) =>
      inner.kind === 'file' ? inner : { ...asFile, name: inner.name, bytes: inner.mime },
    );
    const item = {
      '@odata.type': '#microsoft.graph.message',
      ...json,
      attachments: files.map((inner) => ({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: inner.name,
        contentType: inner.contentType,
        isInline: inner.isInline,
        ...(inner.contentId && { contentId: inner.contentId }),
        contentBytes: inner.bytes.toString('base64'),
      })),
    };
    const name = part.named ? part.name : (json.subject as string) || part.name;
    const body = { '@odata.type': '#microsoft.graph.itemAttachment', name, item };
    const size = Buffer.byteLength(JSON.stringify(body));
    if (size >= inlineAttachmentLimit) return asFile;
    await this.context.pacer.take(userId, size);
    await this.context.graph.sendJson('POST', path, body, { resource: this.resource(userId) });
    return null;
  }

  /** Read state, flag, importance and categories: PATCHed when creation did not keep them (they apply to sent mail). */
  private async restoreState(userId: string, created: CreatedMessage, json: Record<string, unknown>): Promise<void> {
    const patch: Record<string, unknown> = {};
    if (json.isRead !== undefined && created.isRead !== json.isRead) patch.isRead = json.isRead;
    if (json.importance !== undefined && created.importance !== json.importance) patch.importance = json.importance;
    const categories = json.categories as string[] | undefined;
    if (categories && (created.categories ?? []).join('\n') !== categories.join('\n')) patch.categories = categories;
    const flag = json.flag as { flagStatus: string } | undefined;
    if (flag && created.flag?.flagStatus !== flag.flagStatus) patch.flag = flag;
    if (Object.keys(patch).length === 0) return;
    await updateMessage(this.context.graph, userId, created.id, patch);
  }

  private folderPaths(userId: string): MailFolderPaths {
    let paths = this.folders.get(userId);
    if (!paths) this.folders.set(userId, (paths = new MailFolderPaths(this.context.graph, userId)));
    return paths;
  }

  private index(userId: string, folderId: string): FolderMessageIndex {
    const key = `${userId}/${folderId}`;
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = new FolderMessageIndex(this.context.graph, userId, folderId)));
    return index;
  }

  private resource(userId: string) {
    return { kind: 'mailbox', userId } as const;
  }
}
