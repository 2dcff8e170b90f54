import type { SimulatorContext } from '../context.js';
import { badRequest } from '../http/errors.js';
import { jsonBody } from '../http/odata.js';
import type { Router } from '../http/router.js';
import { messageRecord, storeMessage } from '../model/mailbox.js';
import { contentSource } from '../model/message-source.js';
import { exchangeIdFrom } from '../util/ids.js';
import { contentFromJson, importanceFromJson, type MessageJson } from './mail-create.js';
import { registerMailFolderRoutes } from './mail-folders.js';
import { folderOf } from './mail-lookup.js';
import { registerMessageRoutes } from './mail-messages.js';
import { mailboxTarget } from './targets.js';

/** Mail: folders, messages, delta, MIME, attachments, sendMail (https://learn.microsoft.com/graph/api/resources/mail-api-overview). */
export function registerMailRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;
  registerMailFolderRoutes(router, context);
  registerMessageRoutes(router, context);

  // sendMail (https://learn.microsoft.com/graph/api/user-sendmail): 202, captured in the outbox, copied to Sent Items.
  router.add('POST', '/users/:userId/sendMail', { resource: 'mailbox', query: [] }, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    const { message, saveToSentItems } = jsonBody<{ message?: MessageJson; saveToSentItems?: boolean }>(request);
    if (!message) throw badRequest('The message is required.', 'ErrorInvalidRequest');
    if (!message.toRecipients?.length && !message.ccRecipients?.length && !message.bccRecipients?.length)
      throw badRequest('At least one recipient is required.', 'ErrorInvalidRecipients');
    const now = new Date();
    const content = contentFromJson({ ...message, from: undefined, sender: undefined }, user, now);
    const importance = importanceFromJson(message.importance);
    tenant.outbox.push({
      userId: user.id,
      sentDateTime: now.toISOString(),
      message: content,
      saveToSentItems: saveToSentItems ?? true,
    });
    if (saveToSentItems ?? true) {
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
