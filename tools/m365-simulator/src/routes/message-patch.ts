import { sameExtendedPropertyId } from '../http/extended-properties.js';
import { badRequest } from '../http/errors.js';
import { jsonBody } from '../http/odata.js';
import type { GraphRequest } from '../http/types.js';
import { touchMessage } from '../model/mailbox.js';
import { contentSource } from '../model/message-source.js';
import type { Mailbox, MessageRecord } from '../model/records.js';
import {
  addressesFromJson,
  bodyFromJson,
  customHeadersFromJson,
  importanceFromJson,
  type MessageJson,
} from './mail-create.js';

type MessagePatch = Pick<
  MessageJson,
  'subject' | 'body' | 'toRecipients' | 'ccRecipients' | 'bccRecipients' | 'replyTo' | 'internetMessageHeaders'
> & {
  isRead?: boolean;
  flag?: { flagStatus?: string };
  categories?: string[];
  importance?: string;
  inferenceClassification?: string;
  singleValueExtendedProperties?: Array<{ id?: string; value?: string }>;
};

/** Properties "Updatable only if isDraft = true" (https://learn.microsoft.com/graph/api/message-update#request-body). */
const DRAFT_ONLY = ['subject', 'body', 'replyTo', 'internetMessageHeaders'] as const;

function setExtendedProperties(
  message: MessageRecord,
  properties: MessagePatch['singleValueExtendedProperties'],
): void {
  for (const property of properties ?? []) {
    if (!property.id || property.value === undefined)
      throw badRequest('Each extended property needs an id and a value.', 'ErrorInvalidExtendedProperty');
    const existing = message.singleValueExtendedProperties.find((candidate) =>
      sameExtendedPropertyId(candidate.id, property.id as string),
    );
    if (existing) existing.value = property.value;
    else message.singleValueExtendedProperties.push({ id: property.id, value: property.value });
  }
}

/** Subject, body, recipients and custom headers live in the message's content (its MIME). */
function patchContent(message: MessageRecord, patch: MessagePatch): void {
  const content = message.source.content();
  const updated = {
    ...content,
    subject: patch.subject ?? content.subject,
    body: patch.body ? bodyFromJson(patch.body) : content.body,
    to: patch.toRecipients ? addressesFromJson(patch.toRecipients) : content.to,
    cc: patch.ccRecipients ? addressesFromJson(patch.ccRecipients) : content.cc,
    bcc: patch.bccRecipients ? addressesFromJson(patch.bccRecipients) : (content.bcc ?? []),
    replyTo: patch.replyTo ? addressesFromJson(patch.replyTo) : (content.replyTo ?? []),
    ...(patch.internetMessageHeaders !== undefined && { headers: customHeadersFromJson(patch.internetMessageHeaders) }),
  };
  message.source = contentSource(updated);
  message.subject = updated.subject;
  message.to = updated.to;
  message.cc = updated.cc;
  message.bcc = updated.bcc;
  message.replyTo = updated.replyTo;
}

/**
 * PATCH of a message (https://learn.microsoft.com/graph/api/message-update): isRead, flag, categories, importance,
 * inferenceClassification, recipients and single-value extended properties (set or changed by id,
 * https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties) for any
 * message; subject, body, replyTo and custom headers only for drafts ("After the message is sent, you cannot modify
 * the headers", https://learn.microsoft.com/graph/api/resources/message).
 */
export function patchMessage(request: GraphRequest, mailbox: Mailbox, message: MessageRecord): MessageRecord {
  const patch = jsonBody<MessagePatch>(request);
  const draftOnly = DRAFT_ONLY.filter((name) => patch[name] !== undefined);
  if (draftOnly.length > 0 && !message.isDraft)
    throw badRequest(
      `${draftOnly.join(', ')} can be changed only while the message is a draft.`,
      'ErrorInvalidPropertyUpdateSentMessage',
    );
  if (patch.flag?.flagStatus && !['notFlagged', 'flagged', 'complete'].includes(patch.flag.flagStatus))
    throw badRequest(`Invalid flagStatus '${patch.flag.flagStatus}'.`);
  if (patch.inferenceClassification !== undefined && !/^(focused|other)$/i.test(patch.inferenceClassification))
    throw badRequest(`Invalid inferenceClassification '${patch.inferenceClassification}'.`);
  const importance = patch.importance === undefined ? undefined : importanceFromJson(patch.importance);
  setExtendedProperties(message, patch.singleValueExtendedProperties);
  if (patch.isRead !== undefined) message.isRead = patch.isRead;
  if (patch.flag?.flagStatus)
    message.flag = { flagStatus: patch.flag.flagStatus as MessageRecord['flag']['flagStatus'] };
  if (patch.categories) message.categories = patch.categories;
  if (importance) message.importance = importance;
  if (patch.inferenceClassification)
    message.inferenceClassification = patch.inferenceClassification.toLowerCase() as 'focused' | 'other';
  const recipients = patch.toRecipients ?? patch.ccRecipients ?? patch.bccRecipients;
  if (draftOnly.length > 0 || recipients !== undefined) patchContent(message, patch);
  return touchMessage(mailbox, message);
}
