import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@custodia/backend';
import {
  REBUILD_INDEX_USAGE,
  runRebuildIndexCommand,
  runVerifyCommand,
  UsageError,
  VERIFY_USAGE,
  type CommandContext,
} from '@custodia/backend/retention/index';
import { startDevDb, type DevDb } from '@custodia/devdb';
import { ConfigError } from './config-error.js';
import { loadConfig, type AppConfig } from './config.js';
import { configuredStoreBackend } from './content-store.js';

/**
 * `npm run custodia -- <command>`: maintenance commands against the configured database and content store (the same
 * environment variables as `npm start`). Exit codes: 0 all is well, 1 problems found, 2 the command could not run.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command === undefined ? undefined : COMMANDS.get(command);
  if (!run) {
    console.error(`${VERIFY_USAGE}\n${REBUILD_INDEX_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const masterKey = readMasterKey(config);
  let devDb: DevDb | undefined;
  const uri = config.mongodbUri ?? (devDb = await startDevDb({ dataDir: join(config.dataDir, 'db') })).uri;
  const database = await openDatabase(uri, config.mongodbDatabase);
  try {
    const backend = configuredStoreBackend(database.db, config.storeLocations);
    return await run({ db: database.db, backend, masterKey, print: (line) => console.log(line) }, args);
  } finally {
    await database.close();
    await devDb?.stop();
  }
}

const COMMANDS = new Map<string, (context: CommandContext, args: readonly string[]) => Promise<number>>([
  ['verify', runVerifyCommand],
  ['rebuild-index', runRebuildIndexCommand],
]);

/** The configured master key, or the development one; verify never creates a key. */
function readMasterKey(config: AppConfig): Buffer {
  if (config.masterKey) return config.masterKey;
  const path = join(config.dataDir, 'master.key');
  if (!existsSync(path)) {
    throw new ConfigError([
      `CUSTODIA_MASTER_KEY is not set and there is no development key at ${path} / ` +
        `CUSTODIA_MASTER_KEY non è impostata e non c'è una chiave di sviluppo in ${path}`,
    ]);
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof UsageError ? error.message : error);
    process.exit(2);
  },
);
