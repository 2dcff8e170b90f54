import type { Collection, Db, Document } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { SharedBudget, slotPlanFor, type SpendOptions } from '../../src/graph/shared-budget.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('graphbudgetahead');
});
afterAll(() => database.dispose());

/** Outlook's published mailbox limit: 10,000 requests per app and mailbox per 10 minutes. */
const mailboxRule = { limit: 10_000, windowMs: 600_000 };
const block = 10;

/** `target` with one property replaced; every other method stays bound to `target`. */
function overriding<T extends object>(target: T, property: keyof T, replacement: unknown): T {
  return new Proxy(target, {
    get(original, name) {
      if (name === property) return replacement;
      const value: unknown = Reflect.get(original, name, original);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(original) : value;
    },
  });
}

/** The database as a budget sees it: counts the ticket inserts done and tells when no budget query is under way. */
function observedBudgetDatabase(db: Db): { db: Db; ticketsDrawn: () => number; quiet: () => Promise<void> } {
  let drawn = 0;
  let underWay = 0;
  const tracked = async <R>(query: () => Promise<R>): Promise<R> => {
    underWay += 1;
    try {
      return await query();
    } finally {
      underWay -= 1;
    }
  };
  const observed = (name: string): Collection<Document> => {
    const collection = db.collection(name);
    if (name === 'graphBudgetPauses')
      return overriding(collection, 'findOne', (...args: Parameters<Collection<Document>['findOne']>) =>
        tracked(() => collection.findOne(...args)),
      );
    if (name !== 'graphBudgetTickets') return collection;
    return overriding(collection, 'insertOne', (...args: Parameters<Collection<Document>['insertOne']>) =>
      tracked(async () => {
        const result = await collection.insertOne(...args);
        drawn += 1;
        return result;
      }),
    );
  };
  // A draw reads the pause, then inserts its ticket in a continuation: quiet only once a turn of the event loop
  // has passed with nothing under way.
  const quiet = async (): Promise<void> => {
    do await new Promise((resolve) => setImmediate(resolve));
    while (underWay > 0);
  };
  return { db: overriding(db, 'collection', observed), ticketsDrawn: () => drawn, quiet };
}

/**
 * Spends `units` one at a time as requests would, each outlasting the budget's database queries, and answers how
 * many tickets had been drawn when each unit was asked for.
 */
async function ticketsInHandWhenAsked(tenantId: string, units: number, options: SpendOptions): Promise<number[]> {
  const budgetDb = observedBudgetDatabase(database.db);
  const budget = new SharedBudget(budgetDb.db, tenantId, block, 0.95);
  const inHand: number[] = [];
  for (let unit = 0; unit < units; unit += 1) {
    inHand.push(budgetDb.ticketsDrawn());
    await budget.spend('mailbox:u1', mailboxRule, 1, options);
    await budgetDb.quiet();
  }
  return inHand;
}

test('the Outlook mailbox plan has room for the block a leased mailbox draws ahead', () => {
  expect(slotPlanFor(mailboxRule, 0.95, block).roomForBlockAhead).toBe(true);
  // Teams' 4 requests per second leave none: a second block could take a worker over the limit.
  expect(slotPlanFor({ limit: 4, windowMs: 1_000 }, 0.95, block).roomForBlockAhead).toBe(false);
});

test('a leased mailbox has its next block in hand before its requests need it', async () => {
  const inHand = await ticketsInHandWhenAsked('tenant-ahead', 3 * block + 1, { reserveAhead: true });
  // The 11th, 21st and 31st requests draw on the second, third and fourth blocks: each was reserved already.
  expect(inHand[block]).toBeGreaterThanOrEqual(2);
  expect(inHand[2 * block]).toBeGreaterThanOrEqual(3);
  expect(inHand[3 * block]).toBeGreaterThanOrEqual(4);
});

test('a budget shared by every worker holds no block ahead: each worker keeps at most one', async () => {
  const inHand = await ticketsInHandWhenAsked('tenant-shared', 2 * block + 1, {});
  expect(inHand[block]).toBe(1);
  expect(inHand[2 * block]).toBe(2);
});
