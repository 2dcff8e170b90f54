import { activityEntries } from '../../backend/src/audit/activity-store.js';
import { runsCollection } from '../../backend/src/backup/collections.js';
import { tenantRecords } from '../../backend/src/tenants/tenant-store.js';
import { verbs } from '../src/verbs.js';
import { checkCard } from './support/card-check.js';
import {
  completeSetup,
  people,
  startBotHarness,
  createNightlyMailJob,
  type BotHarness,
} from './support/bot-harness.js';

let bot: BotHarness;
let jobId: string;

beforeAll(async () => {
  bot = await startBotHarness();
  jobId = await createNightlyMailJob(bot);
});
afterAll(() => bot?.stop());

const runRequests = () =>
  activityEntries
    .scoped(bot.backup.database.db)
    .find(bot.backup.tenantId, { action: 'backup_job.run_requested' }, { projection: { _id: 0 } })
    .toArray();
const runsOfJob = () => runsCollection.scoped(bot.backup.database.db).countDocuments(bot.backup.tenantId, { jobId });

test('"run now" from Teams is refused before the tenant setup, as the API refuses it, and starts nothing', async () => {
  const { db } = bot.backup.database;
  await tenantRecords.scoped(db).updateOne(bot.backup.tenantId, {}, { $set: { setup: {} } });
  const refused = await bot.press('admin', { verb: verbs.confirmRun, data: { jobId } });
  expect(checkCard(refused).text).toContain(
    'The tenant is not set up yet: complete Tenant setup (missing: “Where backup data is kept”, “Services to protect”, “Microsoft 365 permissions”, “Confirmation”).',
  );
  expect(await runsOfJob()).toBe(0);
  expect(await runRequests()).toEqual([]);
  await tenantRecords.scoped(db).updateOne(bot.backup.tenantId, {}, { $set: { setup: completeSetup(new Date()) } });
});

test('"run now" from Teams writes the activity entry the API writes: who asked, the job, the run', async () => {
  await bot.press('admin', { verb: verbs.confirmRun, data: { jobId } });
  const [run] = await runsCollection.scoped(bot.backup.database.db).find(bot.backup.tenantId, { jobId }).toArray();
  expect(run).toMatchObject({ trigger: 'manual', requestedBy: `teams:${people.admin.aadObjectId}` });
  expect(await runRequests()).toEqual([
    expect.objectContaining({
      actor: {
        kind: 'person',
        id: people.admin.aadObjectId,
        name: 'admin',
        email: people.admin.email,
        role: 'tenant_admin',
      },
      action: 'backup_job.run_requested',
      category: 'backup_job',
      target: { type: 'backup_job', id: jobId, label: 'Nightly Mail' },
      details: { runId: run?.runId },
    }),
  ]);
  expect(await bot.activity.verify(bot.backup.tenantId)).toMatchObject({ intact: true, problems: [] });
});
