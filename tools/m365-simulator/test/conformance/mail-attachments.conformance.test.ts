import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, send, shapeDifferences } from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

const GRAPH = 'https://learn.microsoft.com/graph/api';

/** A fileAttachment as the examples of attachment-get and message-list-attachments show one. */
const FILE_ATTACHMENT = {
  '@odata.type': '#microsoft.graph.fileAttachment',
  id: 'AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=',
  lastModifiedDateTime: '2019-04-02T03:41:29Z',
  name: 'Draft sales invoice template.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 13068,
  isInline: false,
  contentId: null,
  contentLocation: null,
  contentBytes: 'UEsDBBQABgAIAAAAIQ4AAAAA',
};

const MB = 1024 * 1024;

let sim: RunningSimulator;
let token: string;
let user = '';
let message = '';

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  user = (sim.control.listUsers()[2] as { id: string }).id;
  const created = await send(sim, {
    method: 'POST',
    path: `/users/${user}/messages`,
    token,
    body: { subject: 'Preventivo', body: { contentType: 'Text', content: 'In allegato.' } },
  });
  message = (created.body as { id: string }).id;
});

afterAll(async () => {
  await sim.stop();
});

const attachmentsPath = () => `/users/${user}/messages/${message}/attachments`;

describe('attachments', () => {
  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/attachments',
      page: `${GRAPH}/message-post-attachments?view=graph-rest-1.0#example-file-attachment`,
      shows: 'a file attachment added (201) with its properties',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: attachmentsPath(),
        token,
        body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'smile', contentBytes: 'R0lGODdhEAYEAA7' },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          id: 'AAMkADNkN2R',
          lastModifiedDateTime: '2017-01-26T08:48:28Z',
          name: 'smile',
          contentType: 'image/gif',
          size: 1008,
          isInline: false,
          contentId: null,
          contentLocation: null,
          contentBytes: 'R0lGODdhEAYEAA7',
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/attachments',
      page: `${GRAPH}/message-post-attachments?view=graph-rest-1.0#example-item-attachment`,
      shows: 'an item attachment carrying a message (201, contentType null)',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: attachmentsPath(),
        token,
        body: {
          '@odata.type': '#microsoft.graph.itemAttachment',
          name: 'Holiday message',
          item: { '@odata.type': 'microsoft.graph.message', subject: 'Discuss gifts for children' },
        },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          id: 'AAMkADNkNJp5JVnQIe9r0=',
          lastModifiedDateTime: '2016-12-01T22:27:13Z',
          name: 'Holiday event',
          contentType: null,
          size: 2473,
          isInline: false,
        }),
      ).toEqual([]);
      expect(answer.body).toMatchObject({ '@odata.type': '#microsoft.graph.itemAttachment', contentType: null });
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/attachments',
      page: `${GRAPH}/message-post-attachments?view=graph-rest-1.0`,
      shows: '"This operation limits the size of the attachment you can add to under 3 MB": 3 MB is refused',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: attachmentsPath(),
        token,
        body: { name: 'big.bin', contentBytes: Buffer.alloc(3 * MB).toString('base64') },
      });
      expect(answer.status).toBe(413);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId/attachments',
      page: `${GRAPH}/message-list-attachments?view=graph-rest-1.0#example`,
      shows: 'the attachments of a message with @odata.context',
    },
    async () => {
      const answer = await send(sim, { path: attachmentsPath(), token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('bb8775a4')/messages('AAMkAGUzY5QKjAAA%3D')/attachments",
          value: [{ ...FILE_ATTACHMENT, name: 'smile' }],
        }).filter((difference) => !difference.startsWith('$.value[1]')),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId/attachments/:attachmentId',
      page: `${GRAPH}/attachment-get?view=graph-rest-1.0#example-1-get-the-properties-of-a-file-attachment`,
      shows: 'a file attachment with @odata.context and contentBytes',
    },
    async () => {
      const listed = (await send(sim, { path: attachmentsPath(), token })).body as { value: Array<{ id: string }> };
      const answer = await send(sim, { path: `${attachmentsPath()}/${listed.value[0]?.id ?? ''}`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('bb8775a4')/messages('AAMkAGUzY5QKjAAA%3D')/attachments/$entity",
          ...FILE_ATTACHMENT,
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId/attachments/:attachmentId',
      page: `${GRAPH}/attachment-get?view=graph-rest-1.0#example-3-expand-and-get-the-properties-of-the-item-attached-to-a-message`,
      shows: '$expand=microsoft.graph.itemattachment/item gives the attached message',
    },
    async () => {
      const listed = (await send(sim, { path: attachmentsPath(), token })).body as {
        value: Array<{ id: string; '@odata.type': string }>;
      };
      const item = listed.value.find((attachment) => attachment['@odata.type'] === '#microsoft.graph.itemAttachment');
      const answer = await send(sim, {
        path: `${attachmentsPath()}/${item?.id ?? ''}/?$expand=microsoft.graph.itemattachment/item`,
        token,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        item: { '@odata.type': '#microsoft.graph.message', subject: 'Discuss gifts for children' },
      });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/messages/:messageId/attachments/:attachmentId/$value',
      page: `${GRAPH}/attachment-get?view=graph-rest-1.0#get-the-raw-contents-of-a-file-or-item-attachment`,
      shows: 'the raw bytes of a file attachment, in its content type',
    },
    async () => {
      const listed = (await send(sim, { path: attachmentsPath(), token })).body as {
        value: Array<{ id: string; name: string; contentBytes?: string }>;
      };
      const smile = listed.value.find((attachment) => attachment.name === 'smile');
      const answer = await fetch(`${sim.graphBaseUrl}${attachmentsPath()}/${smile?.id ?? ''}/$value`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/octet-stream');
      expect(Buffer.from(await answer.arrayBuffer()).toString('base64')).toBe(smile?.contentBytes);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/attachments/createUploadSession',
      page: `${GRAPH}/attachment-createuploadsession?view=graph-rest-1.0#example-1-create-an-upload-session-to-add-a-large-attachment-to-a-draft-message`,
      shows: 'an upload session (201) whose ranges, PUT without Authorization, end with 201 and a Location',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `${attachmentsPath()}/createUploadSession`,
        token,
        body: { AttachmentItem: { attachmentType: 'file', name: 'flower', size: 3483322 } },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession',
          uploadUrl:
            "https://outlook.office.com/api/v1.0/Users('a8e8e219')/Messages('AAMkADI5MAAIT3drCAAA=')/AttachmentSessions('AAMkADI5MAAIT3k0uAAA=')",
          expirationDateTime: '2019-09-25T01:09:30.7671707Z',
          nextExpectedRanges: ['0-'],
        }),
      ).toEqual([]);
      const { uploadUrl } = answer.body as { uploadUrl: string };
      const bytes = Buffer.alloc(3483322, 7);
      const put = (start: number, end: number) =>
        fetch(uploadUrl, {
          method: 'PUT',
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `bytes ${start}-${end}/${bytes.length}`,
          },
          body: bytes.subarray(start, end + 1),
        });
      expect((await put(0, 2097151)).status).toBe(200);
      const last = await put(2097152, 3483321);
      expect(last.status).toBe(201);
      const location = last.headers.get('location') ?? '';
      const id = location.split('/').pop() ?? '';
      const read = await send(sim, { path: `${attachmentsPath()}/${id}?$select=name,size`, token });
      expect(read.body).toMatchObject({ name: 'flower', size: 3483322 });
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/messages/:messageId/attachments/createUploadSession',
      page: 'https://learn.microsoft.com/graph/outlook-large-attachments#errorattachmentsizeshouldnotbelessthanminimumsize',
      shows: 'a file under 3 MB is refused with ErrorAttachmentSizeShouldNotBeLessThanMinimumSize',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `${attachmentsPath()}/createUploadSession`,
        token,
        body: { AttachmentItem: { attachmentType: 'file', name: 'small', size: 3 * MB - 1 } },
      });
      expectGraphError(answer, 400, { code: 'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize' });
    },
  );
});
