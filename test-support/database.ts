import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';

export interface TestDatabase {
  readonly client: MongoClient;
  readonly db: Db;
  readonly uri: string;
  readonly name: string;
  /** Drops the database and closes the connection. */
  dispose(): Promise<void>;
}

/** A fresh database on the test run's server, named so that test files never share data. */
export async function openTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run the tests through jest, whose globalSetup starts devdb');
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const client = await MongoClient.connect(uri);
  const db = client.db(name);
  return {
    client,
    db,
    uri,
    name,
    async dispose() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
