import type { Db } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key.js';

/** A change to stored data that every database must have before the code that relies on it reads: run once. */
export type Upgrade = (db: Db) => Promise<void>;

const upgrades = new Map<string, Upgrade>();

/** Declares an upgrade beside the collections it changes; `runUpgrades` applies it at start-up. */
export function defineUpgrade(name: string, upgrade: Upgrade): void {
  upgrades.set(name, upgrade);
}

/** How often an upgrade is applied again after its writes met another process's same writes (a duplicate key). */
const attemptsAgainstRacingStarts = 3;

/**
 * Applies every declared upgrade this database has not recorded as done, in declaration order. Each upgrade must be
 * idempotent: two processes starting together may both apply it, and a crash before the record means it runs again.
 * Two processes upserting the same documents at once may see one upsert refused for a duplicate key (FerretDB does
 * not retry it as MongoDB does): the upgrade is then applied again, and finds those documents there.
 */
export async function runUpgrades(db: Db): Promise<void> {
  const done = db.collection<{ _id: string; doneAt: Date }>('schemaUpgrades');
  for (const [name, upgrade] of upgrades) {
    if (await done.findOne({ _id: name })) continue;
    await applyAgainstRacingStarts(db, upgrade);
    try {
      await done.insertOne({ _id: name, doneAt: new Date() });
    } catch (error) {
      // Another process starting together applied it too and recorded it first.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

async function applyAgainstRacingStarts(db: Db, upgrade: Upgrade): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await upgrade(db);
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt === attemptsAgainstRacingStarts) throw error;
    }
  }
}
