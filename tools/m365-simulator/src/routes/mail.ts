import type { SimulatorContext } from '../context.js';
import { badRequest } from '../http/errors.js';
import { jsonBody } from '../http/odata.js';
import type { Router } from '../http/router.js';
import { messageRecord, storeMessage } from '../model/mailbox.js';
import { contentSource } from '../model/message-source.js';
import { exchangeIdFrom } from '../util/ids.js';
import { contentFromJson, importanceFromJson, strictBase64, type MessageJson } from './mail-create.js';
import type { GraphRequest } from '../http/types.js';
import { parseMime } from '../mime/parse.js';
import type { MessageContent } from '../mime/types.js';
import type { MessageRecord, UserRecord } from '../model/records.js';
import { registerMailFolderRoutes } from './mail-folders.js';
import { folderOf } from './mail-lookup.js';
import { registerMessageRoutes } from './mail-messages.js';
import { mailboxTarget } from './targets.js';

/** Mail: folders, messages, delta, MIME, attachments, sendMail (https://learn.microsoft.com/graph/api/resources/mail-api-overview). */
export function registerMailRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;
  registerMailFolderRoutes(router, context);
  registerMessageRoutes(router, context);

  // sendMail (https://learn.microsoft.com/graph/api/user-sendmail): JSON, or base64 MIME with Content-Type text/plain;
  // 202, captured in the outbox, copied to Sent Items unless saveToSentItems is false (the page's example sends "false").
  router.add('POST', '/users/:userId/sendMail', { resource: 'mailbox', query: [] }, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    const now = new Date();
    const { content, importance, saveToSentItems } = sentMessageOf(request, user, now);
    if (!content.to.length && !content.cc.length && !content.bcc?.length)
      throw badRequest('At least one recipient is required.', 'ErrorInvalidRecipients');
    tenant.outbox.push({ userId: user.id, sentDateTime: now.toISOString(), message: content, saveToSentItems });
    if (saveToSentItems) {
      const sent = folderOf(mailbox, 'sentitems');
      const record = messageRecord({
        id: exchangeIdFrom('AAMkAGI2', user.id, 'sent', tenant.outbox.length, now.toISOString()),
        folderId: sent.id,
        source: contentSource(content),
        content,
        isRead: true,
        isDraft: false,
        receivedDateTime: now.toISOString(),
        sentDateTime: now.toISOString(),
        createdDateTime: now.toISOString(),
        ...(importance && { importance }),
      });
      storeMessage(mailbox, record, true);
    }
    return { status: 202 };
  });
}

/** The message a sendMail request carries, sent from the mailbox's owner. */
function sentMessageOf(
  request: GraphRequest,
  user: UserRecord,
  now: Date,
): { content: MessageContent; importance?: MessageRecord['importance']; saveToSentItems: boolean } {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('text/plain')) {
    const parsed = parseMime(strictBase64(request.body.toString('latin1')));
    return {
      content: { ...parsed, from: { name: user.displayName, address: user.mail }, date: now },
      saveToSentItems: true,
    };
  }
  const { message, saveToSentItems } = jsonBody<{ message?: MessageJson; saveToSentItems?: boolean | string }>(request);
  if (!message) throw badRequest('The message is required.', 'ErrorInvalidRequest');
  const importance = importanceFromJson(message.importance);
  return {
    content: contentFromJson({ ...message, from: undefined, sender: undefined }, user, now),
    ...(importance && { importance }),
    saveToSentItems: String(saveToSentItems ?? true).toLowerCase() !== 'false',
  };
}
