import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { openDatabase, Scheduler, type Database } from '@custodia/backend';
import { startDevDb, type DevDb } from '@custodia/devdb';
import type { AppConfig } from './config.js';
import { mountHealth } from './http/health.js';
import { closeServer, createHttpServer, listen } from './http/server.js';

export interface RunningApp {
  readonly url: string;
  readonly database: Database;
  readonly scheduler: Scheduler;
  /** Drains running jobs, closes the server, the database and (if started here) devdb. */
  stop(): Promise<void>;
}

/** The composition root: configuration in, a serving product out. */
export async function startApp(config: AppConfig, logger: Logger): Promise<RunningApp> {
  let devDb: DevDb | undefined;
  let mongodbUri = config.mongodbUri;
  if (!mongodbUri) {
    devDb = await startDevDb({ dataDir: join(config.dataDir, 'db') });
    mongodbUri = devDb.uri;
    logger.info({ uri: devDb.uri, dataDir: devDb.dataDir }, 'embedded database (FerretDB over SQLite) started');
  }

  const database = await openDatabase(mongodbUri, config.mongodbDatabase);
  const scheduler = new Scheduler({ db: database.db, workerName: `${hostname()}:${process.pid}` });
  await scheduler.start();

  const server = createHttpServer(logger);
  mountHealth(server, { databaseUp: () => database.ping(), schedulerState: () => scheduler.state });
  await listen(server, config.port, config.host);
  const address = server.address();
  const url = `http://${config.host}:${address.port}`;
  logger.info({ url }, 'Custodia is serving');

  return {
    url,
    database,
    scheduler,
    async stop() {
      await scheduler.drain(config.shutdownTimeoutMs);
      await closeServer(server);
      await database.close();
      await devDb?.stop();
    },
  };
}
