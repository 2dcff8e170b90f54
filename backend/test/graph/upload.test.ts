import { createHash, randomBytes } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { GraphGateway, type ResourceKey } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;

beforeAll(async () => {
  database = await openTestDatabase('graphupload');
  simulator = await startSimulator({ generate: { users: 1, messagesPerUser: 1, filesPerUser: 1, seed: 2 } });
  gateway = await GraphGateway.open({ connection: connectionTo(simulator), db: database.db });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

test('a file uploads through an upload session, chunks going to the pre-authenticated URL', async () => {
  const user = simulator.control.listUsers()[0]!;
  const drive: ResourceKey = { kind: 'drive', driveId: user.driveId };
  const bytes = randomBytes(2 * 327_680 + 1_000);
  const session = await gateway.sendJson<{ uploadUrl: string }>(
    'POST',
    `/drives/${user.driveId}/root:/ripristinato.bin:/createUploadSession`,
    { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    { resource: drive },
  );
  expect(session.uploadUrl.startsWith(simulator.graphBaseUrl)).toBe(false);

  let answer: { status: number; body: unknown } | undefined;
  for (let start = 0; start < bytes.length; start += 327_680) {
    const chunk = bytes.subarray(start, Math.min(bytes.length, start + 327_680));
    answer = await gateway.putBytes(session.uploadUrl, chunk, {
      resource: drive,
      anonymous: true,
      headers: { 'Content-Range': `bytes ${start}-${start + chunk.length - 1}/${bytes.length}` },
    });
  }

  expect(answer?.status).toBeGreaterThanOrEqual(200);
  expect(answer?.status).toBeLessThan(202);
  const itemId = (answer?.body as { id: string }).id;
  expect(await simulator.control.fileSha256(user.driveId, itemId)).toBe(
    createHash('sha256').update(bytes).digest('hex'),
  );
});
