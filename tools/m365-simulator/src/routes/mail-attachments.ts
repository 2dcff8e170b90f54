import type { SimulatorContext } from '../context.js';
import { badRequest, GraphError, notFound } from '../http/errors.js';
import { applySelect, jsonBody, ok } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, RouteMeta } from '../http/types.js';
import { readAll } from '../model/content.js';
import { findMessage, touchMessage } from '../model/mailbox.js';
import { contentSource } from '../model/message-source.js';
import type { Mailbox, MessageRecord } from '../model/records.js';
import type { AttachmentContent } from '../mime/types.js';
import { attachmentFromJson } from './mail-create.js';
import { attachmentId, mailContext, renderAttachment } from './mail-render.js';
import { messageOf } from './mail-lookup.js';
import { mailboxTarget } from './targets.js';

/**
 * Outlook attachment limits (https://learn.microsoft.com/graph/outlook-large-attachments): a POST takes a file "under
 * 3 MB"; an upload session takes one "between 3 MB and 150 MB", in ranges of up to 4 MB.
 */
const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;
const SESSION_ATTACHMENT_LIMIT = 150 * 1024 * 1024;
const ATTACHMENT_CHUNK_LIMIT = 4 * 1024 * 1024;

const READ: RouteMeta = { resource: 'mailbox', query: ['$select', '$expand'] };
const RAW: RouteMeta = { resource: 'mailbox', query: [] };

/** `$expand=microsoft.graph.itemattachment/item` (https://learn.microsoft.com/graph/api/attachment-get, example 3); other expansions are refused. */
function expandsItem(request: GraphRequest): boolean {
  const expand = request.query.get('$expand');
  if (expand === null) return false;
  if (!/^microsoft\.graph\.itemattachment\/item$/i.test(expand.trim()))
    throw badRequest(`Could not find a property named '${expand}' on type 'microsoft.graph.attachment'.`);
  return true;
}

function addAttachment(mailbox: Mailbox, message: MessageRecord, attachment: AttachmentContent): number {
  const content = message.source.content();
  const updated = { ...content, attachments: [...content.attachments, attachment] };
  message.source = contentSource(updated);
  message.hasAttachments = updated.attachments.some((candidate) => !candidate.isInline);
  touchMessage(mailbox, message);
  return updated.attachments.length - 1;
}

interface AttachmentItemJson {
  attachmentType?: string;
  name?: string;
  size?: number;
  contentType?: string;
  isInline?: boolean;
  contentId?: string;
}

/**
 * Attachments of a message at each of its addresses (`prefix`): list, get (JSON or `$value`), add, and the upload
 * session for large files (https://learn.microsoft.com/graph/api/attachment-createuploadsession).
 */
export function registerAttachmentRoutes(
  router: Router,
  context: SimulatorContext,
  prefix: string,
  documentedPrefix: string,
): void {
  const add = (method: string, suffix: string, meta: RouteMeta, handler: Parameters<Router['add']>[3]) =>
    router.add(method, `${prefix}${suffix}`, meta, handler, `${documentedPrefix}${suffix}`);
  const attachmentsOf = (request: GraphRequest) => {
    const { mailbox } = mailboxTarget(context, request);
    const message = messageOf(mailbox, request.params['messageId'] as string);
    return { mailbox, message, attachments: message.source.content().attachments };
  };
  const attachmentOf = (request: GraphRequest) => {
    const { message, attachments } = attachmentsOf(request);
    const id = request.params['attachmentId'] as string;
    const index = attachments.findIndex((_attachment, candidate) => attachmentId(message.id, candidate) === id);
    const attachment = attachments[index];
    if (!attachment) throw notFound(`attachment ${id}`);
    return { message, index, attachment };
  };
  const collection = (request: GraphRequest) => `messages('${request.params['messageId'] ?? ''}')/attachments`;

  add('GET', '/attachments', READ, (request) => {
    const { message, attachments } = attachmentsOf(request);
    const expand = expandsItem(request);
    const select = request.query.get('$select');
    const value = attachments.map((attachment, index) =>
      applySelect(renderAttachment(message.id, index, attachment, message.lastModifiedDateTime, true, expand), select),
    );
    return ok({ '@odata.context': mailContext(request, collection(request)), value });
  });
  add('GET', '/attachments/:attachmentId', READ, (request) => {
    const { message, index, attachment } = attachmentOf(request);
    const rendered = renderAttachment(
      message.id,
      index,
      attachment,
      message.lastModifiedDateTime,
      true,
      expandsItem(request),
    );
    return ok({
      '@odata.context': mailContext(request, collection(request), '/$entity'),
      ...applySelect(rendered, request.query.get('$select')),
    });
  });
  // Raw attachment bytes (https://learn.microsoft.com/graph/api/attachment-get#get-the-raw-contents-of-a-file-attachment).
  add('GET', '/attachments/:attachmentId/$value', RAW, (request) => {
    const { attachment } = attachmentOf(request);
    return { status: 200, headers: { 'content-type': attachment.contentType }, body: attachment.bytes };
  });
  // "This operation limits the size of the attachment you can add to under 3 MB" (https://learn.microsoft.com/graph/api/message-post-attachments).
  add('POST', '/attachments', RAW, (request) => {
    const { mailbox, message } = attachmentsOf(request);
    const attachment = attachmentFromJson(jsonBody(request));
    if (attachment.bytes.length >= INLINE_ATTACHMENT_LIMIT) {
      throw new GraphError(
        413,
        'ErrorAttachmentSizeLimitExceeded',
        'Attachments of 3 MB or more must be uploaded with an upload session.',
      );
    }
    const index = addAttachment(mailbox, message, attachment);
    return {
      status: 201,
      body: {
        '@odata.context': mailContext(request, collection(request), '/$entity'),
        ...renderAttachment(message.id, index, attachment, message.lastModifiedDateTime, true),
      },
    };
  });
  add('POST', '/attachments/createUploadSession', RAW, (request) => {
    const { mailbox, message } = attachmentsOf(request);
    const { AttachmentItem: item } = jsonBody<{ AttachmentItem?: AttachmentItemJson }>(request);
    // "At minimum, specify the attachment type (file), a name, and the size of the file."
    if (item?.attachmentType?.toLowerCase() !== 'file' || !item.name || !item.size)
      throw badRequest('AttachmentItem needs attachmentType file, a name and a size.', 'ErrorInvalidRequest');
    // "If the file size is under 3 MB, do a single POST on the attachments navigation property" (outlook-large-attachments, Errors).
    if (item.size < INLINE_ATTACHMENT_LIMIT)
      throw badRequest(
        'Attachment size should not be less than 3 MB; add it with a POST to the attachments collection.',
        'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize',
      );
    if (item.size > SESSION_ATTACHMENT_LIMIT)
      throw new GraphError(413, 'ErrorAttachmentSizeLimitExceeded', 'Attachments may not exceed 150 MB.');
    const session = context.uploads.create({
      rules: { maxChunkBytes: ATTACHMENT_CHUNK_LIMIT },
      progressStatus: 200,
      resource: `mailbox:${mailbox.userId}`,
      complete: async (content) => {
        const bytes = await readAll(content);
        const current = findMessage(mailbox, message.id) ?? message;
        const index = addAttachment(mailbox, current, {
          name: item.name as string,
          contentType: item.contentType ?? 'application/octet-stream',
          isInline: item.isInline ?? false,
          ...(item.contentId ? { contentId: item.contentId } : {}),
          bytes,
        });
        // "The final PUT operation returns HTTP 201 Created and a Location header that indicates the URL to the file attachment".
        const location = `${context.url}/v1.0/users/${mailbox.userId}/messages/${current.id}/attachments/${attachmentId(current.id, index)}`;
        return { status: 201, headers: { location } };
      },
    });
    return {
      status: 201,
      body: {
        '@odata.context': `${request.graphBaseUrl}/$metadata#microsoft.graph.uploadSession`,
        ...session,
        nextExpectedRanges: ['0-'],
      },
    };
  });
}
