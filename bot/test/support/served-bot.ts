import restify from 'restify';
import type { BackupHarness } from '../../../backend/test/backup/harness.js';
import { ActivityLog } from '../../../backend/src/audit/activity-log.js';
import { activityChainKey } from '../../../backend/src/audit/activity-seal.js';
import { mountBot, type MountBotOptions, type MountedBot } from '../../src/mount.js';
import { openBotBackend } from '../../../teams-app/src/bot-backend.js';

export interface ServedBot {
  bot: MountedBot;
  /** `POST` activities here, as the Bot Connector (or the Playground) does. */
  messagesUrl: string;
  stop(): Promise<void>;
}

/** `mountBot` on its own restify server on a free loopback port, over the backup harness's services. */
export async function serveBot(
  backup: BackupHarness,
  options: Partial<MountBotOptions> & Pick<MountBotOptions, 'instance'>,
): Promise<ServedBot> {
  const { db } = backup.database;
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  const activity = new ActivityLog(db, activityChainKey(backup.masterKey));
  const bot = await mountBot(server, {
    backend: await openBotBackend(db, { engine: backup.engine, activity }),
    jobs: backup.jobs,
    engine: backup.engine,
    activity,
    directory: { graphFor: async () => backup.gateway },
    portalDeepLink: { appId: 'custodia-app', entityId: 'portal' },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    bot,
    messagesUrl: `http://127.0.0.1:${server.address().port}/api/messages`,
    async stop() {
      await bot.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
