import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { demoTenant } from '@custodia/m365-simulator';
import { startLikeNpmStart, type StartedProduct } from '../../test-support/npm-start.js';
import { cardIn, startPlayground, type Playground } from './support/playground-client.js';

/**
 * bot/README.md's "Chatting with the bot in Microsoft 365 Agents Playground", as written: the product started as
 * `npm start` starts it, the Playground started from the repository's folder (so with its
 * `.m365agentsplayground.yml`), and a person chatting and pressing buttons. Nothing is written to the database.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}
const config = parse(readFileSync(join(root, '.m365agentsplayground.yml'), 'utf8')) as {
  tenantId: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
};

let product: StartedProduct;
let playground: Playground;

beforeAll(async () => {
  product = await startLikeNpmStart(mkdtempSync(join(tmpdir(), 'custodia-playground-')), {
    SHUTDOWN_TIMEOUT_MS: '2000',
  });
  playground = await startPlayground({
    botUrl: `${product.ready[1]}/api/messages`,
    cwd: root,
    conversationId: config.personalChat.id,
    userId: config.currentUser.id,
  });
}, 180_000);
afterAll(async () => {
  await playground?.stop();
  await product?.stop();
});

test('the Playground’s people are the demo tenant’s, and its user is the administrator npm start names', async () => {
  const [, address, name, email] = product.ready;
  expect(config.tenantId).toBe(demoTenant().tenantId);
  expect(config.currentUser).toMatchObject({ name, email });
  const directory = (await (await fetch(`${address}/dev/users`)).json()) as {
    id: string;
    displayName: string;
    userPrincipalName: string;
  }[];
  for (const person of [config.currentUser, ...config.users]) {
    expect(directory).toContainEqual({
      id: person.aadObjectId,
      displayName: person.name,
      userPrincipalName: person.email,
    });
  }
});

test('after npm start, the demo administrator lists the jobs, asks for a run and confirms it with the card’s button', async () => {
  const { shown, press } = playground;
  await playground.install();
  const welcome = await shown(/What I can do/);

  await playground.say('jobs');
  const jobs = await shown(/Backup jobs/, welcome.index + 1);
  expect(JSON.stringify(cardIn(jobs.event))).toContain('Backup notturno');

  await playground.say('run job backup notturno');
  const confirm = await shown(/Run the job \\"Backup notturno\\" now\?/, jobs.index + 1);
  const run = cardIn(confirm.event).actions![0]!;
  expect(run.title).toBe('Run');
  expect(await press(run, confirm.event.message!.messageId)).toMatch(
    /Backup (queued|running|completed): Backup notturno/,
  );
  expect(JSON.stringify(playground.seen)).not.toContain('not set up');
}, 120_000);
