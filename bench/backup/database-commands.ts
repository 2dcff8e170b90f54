// The database commands one phase sends, by command and collection (`find itemVersions`, `update agendaJobs`): the
// engine's, Agenda's and the benchmark's own reads alike, all through the one client. On the embedded default each
// command costs FerretDB and PostgreSQL CPU that the engine's cores share, so a count that grows faster than the items
// is where a run stops scaling.
import type { CommandStartedEvent, MongoClient } from 'mongodb';

export interface DatabaseCommandCounter {
  /** Starts a phase: forgets what was counted. */
  reset(): void;
  /** Commands since the last reset: the total and, most first, each command and collection. */
  counts(): { total: number; byCommand: Record<string, number> };
}

/** Counts the commands `client` sends; the client must be connected with `monitorCommands: true`. */
export function countDatabaseCommands(client: MongoClient): DatabaseCommandCounter {
  const counted = new Map<string, number>();
  client.on('commandStarted', (event: CommandStartedEvent) => {
    const collection = event.command[event.commandName];
    const key = typeof collection === 'string' ? `${event.commandName} ${collection}` : event.commandName;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  });
  return {
    reset: () => counted.clear(),
    counts() {
      const byCommand = [...counted].sort(([keyA, a], [keyB, b]) => b - a || keyA.localeCompare(keyB));
      return { total: byCommand.reduce((sum, [, count]) => sum + count, 0), byCommand: Object.fromEntries(byCommand) };
    },
  };
}
