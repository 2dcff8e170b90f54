import { MongoClient, type Db } from 'mongodb';
import { ensureIndexes } from './collections.js';
import { watchConnectivity, type ConnectivityLog } from './connectivity.js';
import { runUpgrades } from './upgrades.js';

export interface Database {
  readonly client: MongoClient;
  readonly db: Db;
  /** Answers true when the server replies to `ping` within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the one MongoClient of the process, creates every registered index and applies the upgrades not yet done.
 * Works against MongoDB 6+, Atlas, Cosmos DB for MongoDB vCore and FerretDB: no transactions, no change streams.
 */
export async function openDatabase(uri: string, databaseName: string, log?: ConnectivityLog): Promise<Database> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, appName: 'custodia' });
  if (log) watchConnectivity(client, log);
  await client.connect();
  const db = client.db(databaseName);
  await ensureIndexes(db);
  await runUpgrades(db);
  return {
    client,
    db,
    async ping(timeoutMs = 1_000) {
      try {
        await db.command({ ping: 1 }, { timeoutMS: timeoutMs });
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}
