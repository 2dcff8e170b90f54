import { activityEntries } from '../../backend/src/audit/activity-store.js';
import { runsCollection } from '../../backend/src/backup/collections.js';
import { portalUsers } from '../../backend/src/portal-users/portal-user-store.js';
import { verbs } from '../src/verbs.js';
import {
  createMailJob,
  createNightlyMailJob,
  people,
  startBotHarness,
  type BotHarness,
} from './support/bot-harness.js';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(() => bot?.stop());

const runRequestsOf = async (jobId: string) =>
  (
    await activityEntries
      .scoped(bot.backup.database.db)
      .find(bot.backup.tenantId, { action: 'backup_job.run_requested' }, { projection: { _id: 0 } })
      .toArray()
  ).filter((entry) => entry.target?.id === jobId);

test('a forged display name never reaches the activity log: the portal’s record of the person is written', async () => {
  const jobId = await createNightlyMailJob(bot);
  await bot.press('admin', { verb: verbs.confirmRun, data: { jobId } }, undefined, { name: 'Mallory Forger' });
  const [entry] = await runRequestsOf(jobId);
  expect(entry?.actor).toEqual({
    kind: 'person',
    id: people.admin.aadObjectId,
    name: 'admin',
    email: people.admin.email,
    role: 'tenant_admin',
  });
  const everything = await activityEntries.scoped(bot.backup.database.db).find(bot.backup.tenantId, {}).toArray();
  expect(JSON.stringify(everything)).not.toContain('Mallory');
});

test('"run now" from Teams records the person by object id with the name the directory gives it', async () => {
  const { db } = bot.backup.database;
  const giulia = await bot.backup.gateway.getJson<{ id: string; displayName: string }>(
    '/users/giulia.rossi@officinetest.onmicrosoft.com?$select=id,displayName',
    { resource: { kind: 'directory' } },
  );
  await portalUsers.scoped(db).insertOne(bot.backup.tenantId, {
    tenantId: bot.backup.tenantId,
    id: 'portal-giulia',
    name: 'G. Rossi, as typed at the invitation',
    email: 'giulia@officinetest.it',
    role: 'operator',
    status: 'active',
    userId: giulia.id,
    invitedAt: new Date(),
    invitedBy: 'test',
  });
  const jobId = await createMailJob(bot, 'Giulia Mail');
  await bot.press('viewer', { verb: verbs.confirmRun, data: { jobId } }, undefined, {
    aadObjectId: giulia.id,
    name: 'Forged Name',
  });
  const [run] = await runsCollection.scoped(db).find(bot.backup.tenantId, { jobId }).toArray();
  expect(run).toMatchObject({ trigger: 'manual', requestedBy: `teams:${giulia.id}` });
  expect(await runRequestsOf(jobId)).toEqual([
    expect.objectContaining({
      actor: {
        kind: 'person',
        id: giulia.id,
        name: giulia.displayName,
        email: 'giulia@officinetest.it',
        role: 'operator',
      },
      action: 'backup_job.run_requested',
      target: { type: 'backup_job', id: jobId, label: 'Giulia Mail' },
      details: { runId: run?.runId },
    }),
  ]);
  expect(giulia.displayName).toBe('giulia rossi');
  expect(await bot.activity.verify(bot.backup.tenantId)).toMatchObject({ intact: true, problems: [] });
});

test('a viewer pressing "run now" with a forged name is refused and nothing is written', async () => {
  const jobId = await createMailJob(bot, 'Viewer Try');
  await bot.press('viewer', { verb: verbs.confirmRun, data: { jobId } }, undefined, { name: 'Admin' });
  expect(await runRequestsOf(jobId)).toEqual([]);
  expect(await runsCollection.scoped(bot.backup.database.db).countDocuments(bot.backup.tenantId, { jobId })).toBe(0);
});
