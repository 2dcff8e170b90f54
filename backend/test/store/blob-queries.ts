import { MongoClient, type CommandStartedEvent, type Db } from 'mongodb';
import type { TestDatabase } from '../../../test-support/database.js';

/** A second connection to a test database that records every command sent about the store's `store_blobs`. */
export interface BlobQueryMonitor {
  readonly db: Db;
  /** The names of the commands (find, insert, …), in order; a test empties it to start counting. */
  readonly commands: string[];
  close(): Promise<void>;
}

export async function monitorBlobQueries(database: TestDatabase): Promise<BlobQueryMonitor> {
  const client = await MongoClient.connect(database.uri, { monitorCommands: true });
  const commands: string[] = [];
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (Object.values(event.command as Record<string, unknown>).includes('store_blobs')) {
      commands.push(event.commandName);
    }
  });
  return { db: client.db(database.name), commands, close: () => client.close() };
}
