import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, send, shapeDifferences } from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

const GRAPH = 'https://learn.microsoft.com/graph/api';

const RECIPIENT = { emailAddress: { name: 'Adele Vance', address: 'adelev@contoso.OnMicrosoft.com' } };

/** A message as the examples of message-get and user-post-messages show one. */
const MESSAGE = {
  '@odata.etag': 'W/"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ"',
  id: 'AAMkADhMGAAA=',
  createdDateTime: '2018-09-09T03:15:05Z',
  lastModifiedDateTime: '2018-09-09T03:15:08Z',
  changeKey: 'CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ',
  categories: [],
  receivedDateTime: '2018-09-09T03:15:08Z',
  sentDateTime: '2018-09-09T03:15:06Z',
  hasAttachments: false,
  internetMessageId: '<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>',
  subject: '9/9/2018: concert',
  bodyPreview: 'The group represents Nevada.',
  importance: 'normal',
  parentFolderId: 'AAMkADcbAAAAAAEJAAA=',
  conversationId: 'AAQkADOUpag6yWs=',
  conversationIndex: 'AQHTe7/VAniOJVgCxEmtF1z6ZY1rFQ==',
  isDeliveryReceiptRequested: false,
  isReadReceiptRequested: false,
  isRead: true,
  isDraft: false,
  webLink: 'https://outlook.office365.com/owa/?ItemID=AAMkADMGAAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
  inferenceClassification: 'focused',
  body: { contentType: 'html', content: '<html>\r\n<body>\r\nThe group represents Nevada.\r\n</body>\r\n</html>\r\n' },
  sender: RECIPIENT,
  from: RECIPIENT,
  toRecipients: [RECIPIENT],
  ccRecipients: [],
  bccRecipients: [],
  replyTo: [],
  flag: { flagStatus: 'notFlagged' },
};

const ENTITY_CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#users('7f180cbb')/messages/$entity";

function mime(subject: string, date: string, headers: string[] = []): string {
  return [
    'From: "Paolo Verdi" <paolo.verdi@fornitore.example>',
    'To: <anna@contoso.example>',
    `Subject: ${subject}`,
    `Date: ${new Date(date).toUTCString()}`,
    `Message-ID: <${subject.replace(/\W+/g, '.')}@fornitore.example>`,
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${subject}: testo del messaggio.`,
    '',
  ].join('\r\n');
}

let sim: RunningSimulator;
let token: string;
let user = '';
let received = '';

const messageIn = async (path: string) => (await send(sim, { path, token })).body as Record<string, unknown>;
const valueOf = (body: unknown) => (body as { value: Array<Record<string, unknown>> }).value;

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  user = (sim.control.listUsers()[2] as { id: string }).id;
  received = sim.control.addMessage(user, 'inbox', mime('Ordine 4711', '2026-03-02T08:00:00Z'), { isRead: false });
  sim.control.addMessage(
    user,
    'inbox',
    mime('RE: Ordine 4711', '2026-03-03T08:00:00Z', [
      'In-Reply-To: <Ordine.4711@fornitore.example>',
      'References: <Ordine.4711@fornitore.example>',
    ]),
  );
  sim.control.addMessage(user, 'inbox', mime('Ordine 4711', '2026-03-04T08:00:00Z').replace('Ordine.4711@', 'x@'));
});

afterAll(async () => {
  await sim.stop();
});

describe('message lists', () => {
  documented(
    {
      endpoint: 'GET /users/:userId/messages',
      page: `${GRAPH}/user-list-messages?view=graph-rest-1.0#example-1-list-all-messages`,
      shows: '$select=sender,subject: each message with @odata.etag, id and the selected properties only',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/messages?$select=sender,subject`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('bb8775a4')/messages(sender,subject)",
          value: [
            {
              '@odata.etag': 'W/"CQAAABYAAADHcgC8Hl9tRZ/hc1wEUs1TAAAwR4Hg"',
              id: 'AAMkAGUAAAwTW09AAA=',
              subject: '',
              sender: RECIPIENT,
            },
          ],
        }),
      ).toEqual([]);
      const { value, '@odata.nextLink': next } = answer.body as { value: object[]; '@odata.nextLink'?: string };
      expect(value.every((message) => Object.keys(message).sort().join() === '@odata.etag,id,sender,subject')).toBe(
        true,
      );
      // "The default page size is 10 messages" (strict mode serves fewer, as a server may); the next page is asked by $skip.
      expect(value.length).toBeLessThanOrEqual(10);
      expect(next).toContain(`$skip=${value.length}`);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages',
      page: `${GRAPH}/user-list-messages?view=graph-rest-1.0#using-filter-and-orderby-in-the-same-query`,
      shows: '$filter with $orderby on the same property leading it is applied; otherwise 400 InefficientFilter',
      pageExample: false,
    },
    async () => {
      const since = '2026-03-03T00:00:00Z';
      const answer = await send(sim, {
        path: `/users/${user}/messages?$filter=receivedDateTime ge ${since} and isRead eq false&$orderby=receivedDateTime asc&$select=receivedDateTime,isRead`,
        token,
      });
      expect(answer.status).toBe(200);
      const dates = valueOf(answer.body).map((message) => message['receivedDateTime'] as string);
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.every((date) => date >= since)).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      const inefficient = await send(sim, {
        path: `/users/${user}/messages?$filter=isRead eq true&$orderby=receivedDateTime desc`,
        token,
      });
      expectGraphError(inefficient, 400, {
        code: 'InefficientFilter',
        message: 'The restriction or sort order is too complex for this operation.',
      });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages',
      page: 'https://learn.microsoft.com/graph/query-parameters#count-parameter',
      shows: '$count=true gives @odata.count, the number of messages that match $filter (isRead eq false)',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${user}/messages?$filter=isRead eq false&$count=true&$top=1`,
        token,
      });
      const body = answer.body as { '@odata.count': number; value: Array<{ isRead: boolean }> };
      expect(body['@odata.count']).toBeGreaterThan(1);
      expect(body.value).toHaveLength(1);
      expect(body.value[0]?.isRead).toBe(false);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages',
      page: 'https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters',
      shows: 'options the simulator does not implement ($search) and unknown properties are refused with 400',
      pageExample: false,
    },
    async () => {
      expectGraphError(await send(sim, { path: `/users/${user}/messages?$search="ordine"`, token }), 400);
      expectGraphError(await send(sim, { path: `/users/${user}/messages?$filter=colour eq 'red'`, token }), 400);
      expectGraphError(await send(sim, { path: `/users/${user}/messages?$select=colour`, token }), 400);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/:folderId/messages',
      page: `${GRAPH}/mailfolder-list-messages?view=graph-rest-1.0#example`,
      shows: 'the messages of a folder, bodies in HTML',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/mailFolders/inbox/messages`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          value: [
            {
              receivedDateTime: '2018-02-13T03:53:55Z',
              sentDateTime: '2018-02-13T03:53:55Z',
              hasAttachments: true,
              subject: 'MyAnalytics | Your past week',
              body: {
                contentType: 'html',
                content: '<html lang="en">\r\n<head></head>\r\n<body> </body>\r\n</html>\r\n',
              },
              bodyPreview: 'February 4-10, 2018',
            },
          ],
        }),
      ).toEqual([]);
      expect(
        valueOf(answer.body).every((message) => (message['body'] as { contentType: string }).contentType === 'html'),
      ).toBe(true);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages',
      page: `${GRAPH}/resources/message?view=graph-rest-1.0#properties`,
      shows:
        "conversationId is the thread, not the subject: a reply (In-Reply-To/References) shares its parent's, a new message with the same subject does not",
      pageExample: false,
    },
    async () => {
      const parent = await messageIn(`/users/${user}/messages/${received}?$select=conversationId,conversationIndex`);
      const conversation = parent['conversationId'] as string;
      const same = await send(sim, {
        path: `/users/${user}/messages?$filter=conversationId eq '${conversation}'&$select=subject,conversationIndex`,
        token,
      });
      const thread = valueOf(same.body);
      expect(thread.map((message) => message['subject']).sort()).toEqual(['Ordine 4711', 'RE: Ordine 4711']);
      const reply = thread.find((message) => message['subject'] === 'RE: Ordine 4711');
      // PidTagConversationIndex: the reply's index is its parent's and one more 5-byte block.
      const parentIndex = Buffer.from(parent['conversationIndex'] as string, 'base64');
      const replyIndex = Buffer.from(reply?.['conversationIndex'] as string, 'base64');
      expect(replyIndex.length).toBe(parentIndex.length + 5);
      expect(replyIndex.subarray(0, parentIndex.length)).toEqual(parentIndex);
    },
  );
});

describe('message delta', () => {
  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/:folderId/messages/delta',
      page: `${GRAPH}/message-delta?view=graph-rest-1.0#example`,
      shows: 'Prefer: odata.maxpagesize=2: at most two messages and an @odata.nextLink with a $skiptoken',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${user}/mailFolders/inbox/messages/delta`,
        headers: { Prefer: 'odata.maxpagesize=2' },
        token,
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.nextLink':
            'https://graph.microsoft.com/v1.0/me/mailfolders/{id}/messages/delta?$skiptoken={_skipToken_}',
          value: [
            {
              receivedDateTime: 'datetime-value',
              sentDateTime: 'datetime-value',
              hasAttachments: true,
              internetMessageId: 'internetMessageId-value',
              subject: 'subject-value',
              body: { contentType: 'contentType-value', content: 'content-value' },
            },
          ],
        }),
      ).toEqual([]);
      expect(valueOf(answer.body).length).toBeLessThanOrEqual(2);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/:folderId/messages/delta',
      page: `${GRAPH}/message-delta?view=graph-rest-1.0#odata-query-parameters`,
      shows:
        '$filter receivedDateTime ge is applied; le (not documented for delta), $orderby and changeType are refused',
      pageExample: false,
    },
    async () => {
      const path = `/users/${user}/mailFolders/inbox/messages/delta`;
      const since = '2026-03-03T00:00:00Z';
      const answer = await send(sim, {
        path: `${path}?$filter=receivedDateTime ge ${since}&$select=receivedDateTime`,
        token,
      });
      expect(answer.status).toBe(200);
      expect(valueOf(answer.body).every((message) => (message['receivedDateTime'] as string) >= since)).toBe(true);
      expectGraphError(await send(sim, { path: `${path}?$filter=receivedDateTime le ${since}`, token }), 400);
      expectGraphError(await send(sim, { path: `${path}?$orderby=receivedDateTime desc`, token }), 400);
      expectGraphError(await send(sim, { path: `${path}?changeType=created`, token }), 400);
    },
  );
});

describe('single messages', () => {
  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-get?view=graph-rest-1.0#example-1`,
      shows: 'a message with @odata.context, @odata.etag and the default properties, body in HTML',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/messages/${received}`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, { '@odata.context': ENTITY_CONTEXT, ...MESSAGE })).toEqual([]);
      const body = (answer.body as { body: { contentType: string; content: string } }).body;
      expect(body.contentType).toBe('html');
      expect(body.content).toContain('Ordine 4711: testo del messaggio.');
      expect(answer.body).not.toHaveProperty('uniqueBody');
      expect(answer.body).not.toHaveProperty('internetMessageHeaders');
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-get?view=graph-rest-1.0#example-2`,
      shows: '$select=internetMessageHeaders gives the message headers',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${user}/messages/${received}/?$select=internetMessageHeaders`,
        token,
      });
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('7f180cbb')/messages(internetMessageHeaders)/$entity",
          '@odata.etag': 'W/"FwAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/0tB"',
          id: 'AAMkADhAAAW-VPeAAA=',
          internetMessageHeaders: [{ name: 'MIME-Version', value: '1.0' }],
        }),
      ).toEqual([]);
      expect((answer.body as { '@odata.context': string })['@odata.context']).toMatch(
        /messages\(internetMessageHeaders\)\/\$entity$/,
      );
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-get?view=graph-rest-1.0#example-3`,
      shows: 'Prefer: outlook.body-content-type="text" gives body and uniqueBody as text, with Preference-Applied',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${user}/messages/${received}/?$select=subject,body,bodyPreview,uniqueBody`,
        headers: { Prefer: 'outlook.body-content-type="text"' },
        token,
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('cd209b0b')/messages(subject,body,bodyPreview,uniqueBody)/$entity",
          '@odata.etag': 'W/"CQAAABYAAABmWdbhEgBXTophjCWt81m9AAAoZYj4"',
          id: 'AAMkAGI1AAAoZCfHAAA=',
          subject: 'Welcome to our group!',
          bodyPreview: 'Welcome to our group, Dana!',
          body: { contentType: 'text', content: 'Welcome to our group, Dana!' },
          uniqueBody: { contentType: 'text', content: 'Welcome to our group, Dana!' },
        }),
      ).toEqual([]);
      expect((answer.body as { body: { contentType: string } }).body.contentType).toBe('text');
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId/$value',
      page: `${GRAPH}/message-get?view=graph-rest-1.0#example-4`,
      shows: 'the MIME of a message, Content-Type text/plain',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/messages/${received}/$value`, token });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(answer.text).toContain('Message-ID: <Ordine.4711@fornitore.example>');
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-get?view=graph-rest-1.0#http-request`,
      shows: 'the same message through its folder (/mailFolders/{id}/messages/{id}), another address of the operation',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${user}/mailFolders/inbox/messages/${received}?$select=subject`,
        token,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: received, subject: 'Ordine 4711' });
    },
  );
});

describe('writing messages', () => {
  /** The draft of user-post-messages example 1, as the page posts it. */
  const createDraft = () =>
    send(sim, {
      method: 'POST',
      path: `/users/${user}/messages`,
      token,
      body: {
        subject: "Did you see last night's game?",
        importance: 'Low',
        body: { contentType: 'HTML', content: 'They were <b>awesome</b>!' },
        toRecipients: [{ emailAddress: { address: 'AdeleV@contoso.onmicrosoft.com' } }],
      },
    });
  const draft = async () => (await createDraft()).body as { id: string };

  documented(
    {
      endpoint: 'POST /users/:userId/messages',
      page: `${GRAPH}/user-post-messages?view=graph-rest-1.0#example-1-create-a-new-message-draft-using-json-format`,
      shows: 'a draft in Drafts (201) keeping importance (low) and the HTML body',
    },
    async () => {
      const answer = await createDraft();
      expect(answer.status).toBe(201);
      const { flag: _flag, sender: _sender, from: _from, ...shown } = MESSAGE;
      expect(shapeDifferences(answer.body, { '@odata.context': ENTITY_CONTEXT, ...shown })).toEqual([]);
      const drafts = await messageIn(`/users/${user}/mailFolders/drafts?$select=id`);
      expect(answer.body).toMatchObject({
        importance: 'low',
        isDraft: true,
        parentFolderId: drafts['id'],
        bodyPreview: 'They were awesome!',
      });
      expect((answer.body as { body: { content: string } }).body.content).toContain('They were <b>awesome</b>!');
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages',
      page: `${GRAPH}/user-post-messages?view=graph-rest-1.0#example-3-create-a-new-message-draft-using-mime-format`,
      shows: 'malformed base64 MIME is 400 ErrorMimeContentInvalidBase64String',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${user}/messages`,
        token,
        headers: { 'content-type': 'text/plain' },
        body: 'not base64 at all!',
      });
      expectGraphError(answer, 400, { code: 'ErrorMimeContentInvalidBase64String' });
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/mailFolders/:folderId/messages',
      page: `${GRAPH}/mailfolder-post-messages?view=graph-rest-1.0`,
      shows: 'a message created in the folder named (201), body type text kept',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${user}/mailFolders/inbox/messages`,
        token,
        headers: { Prefer: 'outlook.body-content-type="text"' },
        body: { subject: 'Annual review', body: { contentType: 'Text', content: 'See you at 10.' } },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, { '@odata.context': ENTITY_CONTEXT, subject: 'x', body: MESSAGE.body }),
      ).toEqual([]);
      expect(answer.body).toMatchObject({ body: { contentType: 'text', content: 'See you at 10.' } });
    },
  );

  documented(
    {
      endpoint: 'PATCH /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-update?view=graph-rest-1.0#example`,
      shows: "a draft's subject, body and inferenceClassification changed; importance kept",
    },
    async () => {
      const { id } = await draft();
      const answer = await send(sim, {
        method: 'PATCH',
        path: `/users/${user}/messages/${id}`,
        token,
        body: {
          subject: 'subject-value',
          body: { contentType: '', content: 'content-value' },
          inferenceClassification: 'other',
          importance: 'High',
        },
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          receivedDateTime: 'datetime-value',
          sentDateTime: 'datetime-value',
          hasAttachments: true,
          subject: 'subject-value',
          body: { contentType: '', content: 'content-value' },
          bodyPreview: 'bodyPreview-value',
          inferenceClassification: 'other',
        }),
      ).toEqual([]);
      expect(answer.body).toMatchObject({
        subject: 'subject-value',
        inferenceClassification: 'other',
        importance: 'high',
      });
    },
  );

  documented(
    {
      endpoint: 'PATCH /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-update?view=graph-rest-1.0#request-body`,
      shows: 'subject is "Updatable only if isDraft = true": changing a received message\'s is 400',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        method: 'PATCH',
        path: `/users/${user}/messages/${received}`,
        token,
        body: { subject: 'x' },
      });
      expectGraphError(answer, 400);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/move',
      page: `${GRAPH}/message-move?view=graph-rest-1.0#example`,
      shows: 'a move to deleteditems: 201 and the message at its new id in the new folder',
    },
    async () => {
      const { id } = await draft();
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${user}/messages/${id}/move`,
        token,
        body: { destinationId: 'deleteditems' },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#message',
          '@odata.type': '#microsoft.graph.message',
          ...MESSAGE,
          sender: null,
          from: null,
          toRecipients: [],
        }),
      ).toEqual([]);
      const deleted = await messageIn(`/users/${user}/mailFolders/deleteditems?$select=id`);
      expect(answer.body).toMatchObject({ parentFolderId: deleted['id'] });
      expect((answer.body as { id: string }).id).not.toBe(id);
    },
  );

  documented(
    {
      endpoint: 'DELETE /users/:userId/messages/:messageId',
      page: `${GRAPH}/message-delete?view=graph-rest-1.0#example`,
      shows: '204 without a body; the message is gone from its folder',
    },
    async () => {
      const { id } = await draft();
      const answer = await send(sim, { method: 'DELETE', path: `/users/${user}/messages/${id}`, token });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      expectGraphError(await send(sim, { path: `/users/${user}/messages/${id}`, token }), 404);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/permanentDelete',
      page: `${GRAPH}/message-permanentdelete?view=graph-rest-1.0#examples`,
      shows: '204 without a body',
    },
    async () => {
      const { id } = await draft();
      const answer = await send(sim, { method: 'POST', path: `/users/${user}/messages/${id}/permanentDelete`, token });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/sendMail',
      page: `${GRAPH}/user-sendmail?view=graph-rest-1.0#example-1-send-a-new-email-using-json-format`,
      shows: '202 without a body; saveToSentItems "false" keeps no copy in Sent Items',
    },
    async () => {
      const sentItems = () => sim.control.listMessages(user, 'sentitems').length;
      const before = sentItems();
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${user}/sendMail`,
        token,
        body: {
          message: {
            subject: 'Meet for lunch?',
            body: { contentType: 'Text', content: 'The new cafeteria is open.' },
            toRecipients: [{ emailAddress: { address: 'frannis@contoso.com' } }],
            ccRecipients: [{ emailAddress: { address: 'danas@contoso.com' } }],
          },
          saveToSentItems: 'false',
        },
      });
      expect(answer.status).toBe(202);
      expect(answer.text).toBe('');
      expect(sentItems()).toBe(before);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/sendMail',
      page: `${GRAPH}/user-sendmail?view=graph-rest-1.0#example-4-send-a-new-message-using-mime-format`,
      shows: 'base64 MIME with Content-Type text/plain is sent (202) and saved in Sent Items',
    },
    async () => {
      const before = sim.control.listMessages(user, 'sentitems').length;
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${user}/sendMail`,
        token,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from(mime('Test Message', '2026-03-05T08:00:00Z')).toString('base64'),
      });
      expect(answer.status).toBe(202);
      expect(sim.control.listMessages(user, 'sentitems').length).toBe(before + 1);
    },
  );
});
