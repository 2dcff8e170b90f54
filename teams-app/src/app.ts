import { join } from 'node:path';
import type { Logger } from 'pino';
import { openDatabase, type Database, type Scheduler } from '@custodia/backend';
import {
  activityChainKey,
  apiPrefix,
  ClientCredentialsConsentProbe,
  mountApi,
  replaceProviderOperators,
} from '@custodia/backend/api/index';
import type { RunEngine } from '@custodia/backend/backup/index';
import { createBackupApiServices } from '@custodia/backend/jobs-api/index';
import { createRestoreApiServices, GraphDelegatedOwnership } from '@custodia/backend/restore-api/index';
import { OnBehalfOfGraph } from '@custodia/backend/graph/index';
import { mountBot, refusedActivityText } from '@custodia/bot';
import { startDevDb, type DevDb } from '@custodia/devdb';
import { startBackupWorkers, type BackupWorkers } from './backup-workers.js';
import { openBotBackend } from './bot-backend.js';
import type { AppConfig } from './config.js';
import { openConfiguredStore, refuseTenantsWithoutStore } from './content-store.js';
import { seedDemoTenant, type DemoAdministrator } from './demo-seed.js';
import { fileURLToPath } from 'node:url';
import { mountDevSignIn } from './http/dev-sign-in.js';
import { mountHealth } from './http/health.js';
import { mountTab } from './http/tab-static.js';
import { closeServer, createHttpServer, listen } from './http/server.js';
import { resolveMasterKey } from './master-key.js';
import { connectMicrosoft365, type Microsoft365 } from './microsoft-365.js';

export interface RunningApp {
  readonly url: string;
  /** The management portal's address (`/tab`, on `PUBLIC_URL` when set). */
  readonly portalUrl: string;
  /** On the simulator, the demo tenant's administrator, whom the development sign-in lets you be. */
  readonly demoAdministrator: DemoAdministrator | undefined;
  readonly database: Database;
  readonly scheduler: Scheduler;
  readonly engine: RunEngine;
  readonly microsoft365: Microsoft365;
  /** Drains running jobs, closes the server, the store, the database and what this process started. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Plain sentences for the person starting the product, such as the embedded database's first build. */
  onProgress?: (line: string) => void;
}

/** A Bot Framework activity, the largest body outside the API (a message, a card's action; files come as links). */
const botActivityMaxBytes = 256 * 1024;

/** The composition root: configuration in, a serving product out. */
export async function startApp(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningApp> {
  let devDb: DevDb | undefined;
  let mongodbUri = config.mongodbUri;
  if (!mongodbUri) {
    devDb = await startDevDb({
      dataDir: join(config.dataDir, 'db'),
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
    mongodbUri = devDb.uri;
    logger.info({ uri: devDb.uri, dataDir: devDb.dataDir }, 'embedded database (FerretDB over PostgreSQL) started');
  }
  const database = await openDatabase(mongodbUri, config.mongodbDatabase, logger);
  const microsoft365 = await connectMicrosoft365(config);
  if (microsoft365.demo) {
    logger.info(
      { url: microsoft365.demo.url, tenantId: microsoft365.demo.tenantId },
      'Microsoft 365 tenant simulator started (demo tenant)',
    );
  }
  const masterKey = resolveMasterKey(config.masterKey, config.dataDir, logger);
  await refuseTenantsWithoutStore(database.db, config.storeLocations).catch(async (error: unknown) => {
    await database.close();
    await devDb?.stop();
    throw error;
  });
  const { store, backend: storeBackend } = await openConfiguredStore(config.storeLocations, database.db, masterKey);

  const server = createHttpServer({
    logger,
    authorityHost: microsoft365.authorityHost,
    timeouts: config.httpTimeouts,
    bodies: {
      apiPrefix,
      maxBytes: botActivityMaxBytes,
      // With its credentials the bot authenticates every activity: one without a token is refused unread.
      bearerRequired: config.bot ? ['/api/messages'] : [],
      bearerRefusal: refusedActivityText,
    },
  });
  // The workers start once the server knows its address (letters link to the portal); until then health says so.
  const started: { workers?: BackupWorkers } = {};
  mountHealth(server, {
    databaseUp: (timeoutMs) => database.ping(timeoutMs),
    schedulerState: () => started.workers?.scheduler.state ?? 'starting',
  });
  mountTab(server, fileURLToPath(new URL('../../tab/dist', import.meta.url)));
  if (microsoft365.demo) mountDevSignIn(server, microsoft365.demo);
  await listen(server, config.port, config.host);
  const url = `http://${config.host}:${server.address().port}`;
  const portalUrl = `${config.publicUrl ?? url}/tab`;
  // On the simulator the portal registers its sign-in page as the app's SPA redirect URI, as a deployment does in
  // the app registration (aad.manifest.json), so "Sign in with Microsoft" works in a plain browser.
  if (microsoft365.demo) microsoft365.demo.control.addSpaRedirectUri(`${portalUrl}/signed-in`);
  const providerMailbox = config.provider.mailbox ?? microsoft365.defaultProviderMailbox;
  const running = await startBackupWorkers({
    db: database.db,
    store,
    storeBackend,
    masterKey,
    connectionFor: (tenantId) => microsoft365.connectionFor(tenantId),
    logger,
    exportDirectory: join(config.dataDir, 'exports'),
    portalUrl,
    providerMailbox: { tenantId: microsoft365.providerTenantId, mailbox: providerMailbox },
  });
  started.workers = running;
  const exports = running.exports;
  if (!exports) throw new Error('the product process serves export downloads, so it must build the exports');
  const backup = createBackupApiServices({
    db: database.db,
    scheduler: running.scheduler,
    engine: running.engine,
    events: running.events,
    directory: { graphFor: running.graphFor },
  });
  const api = await mountApi(server, {
    backup,
    restore: createRestoreApiServices({
      db: database.db,
      restores: running.restores,
      exports,
      ownership: new GraphDelegatedOwnership(new OnBehalfOfGraph((tenantId) => microsoft365.connectionFor(tenantId))),
    }),
    db: database.db,
    activityKey: activityChainKey(masterKey),
    identity: {
      authorityHost: microsoft365.authorityHost,
      clientId: config.apiClientId ?? microsoft365.app.clientId,
      ...(config.apiDomain !== undefined && { apiDomain: config.apiDomain }),
      ...(microsoft365.jwksUri !== undefined && { jwksUri: microsoft365.jwksUri }),
      ...(microsoft365.issuerHost !== undefined && { issuerHost: microsoft365.issuerHost }),
    },
    provider: {
      tenantId: microsoft365.providerTenantId,
      name: config.provider.name,
      supportEmail: config.provider.supportEmail,
      support: config.provider.support,
      ...(providerMailbox !== undefined && { mailbox: providerMailbox }),
    },
    dataLocations: config.storeLocations.map((entry) => entry.location),
    consent: new ClientCredentialsConsentProbe({ authorityHost: microsoft365.authorityHost, ...microsoft365.app }),
    portalUrl,
    requestDeadlineMs: config.requestDeadlineMs,
    logger,
  });
  const bot = await mountBot(server, {
    backend: await openBotBackend(database.db, { engine: running.engine, activity: api.services.activity }),
    jobs: backup.jobs,
    engine: running.engine,
    instance: running.workerName,
    ...(config.bot && { credentials: config.bot }),
    directory: { graphFor: running.graphFor },
    portalDeepLink: { appId: config.teamsAppId, entityId: 'portal' },
    activity: api.services.activity,
    approvals: { restores: running.restores },
    onError: (error, what) => logger.error({ err: error, what }, 'bot'),
    onRefused: (cause) => logger.info({ err: cause }, 'bot activity refused: not authenticated by the Bot Framework'),
  });
  const operators = config.provider.operators ?? microsoft365.defaultProviderOperators;
  if (operators) {
    const changes = await replaceProviderOperators(database.db, microsoft365.providerTenantId, operators);
    logger.info({ operators: operators.length, ...changes }, 'provider operators as configured');
  }
  const demoAdministrator = microsoft365.demo && (await seedDemoTenant(microsoft365.demo, api, backup, logger));
  logger.info({ url }, 'Custodia is serving');

  return {
    url,
    portalUrl,
    demoAdministrator,
    database,
    scheduler: running.scheduler,
    engine: running.engine,
    microsoft365,
    async stop() {
      await bot.stop();
      await running.drain(config.shutdownTimeoutMs);
      await closeServer(server);
      await store.close();
      await microsoft365.stop();
      await database.close();
      await devDb?.stop();
    },
  };
}
