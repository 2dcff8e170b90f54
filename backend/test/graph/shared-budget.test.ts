import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { SharedBudget, slotPlanFor, unitsOfTicket, type BudgetRule } from '../../src/graph/shared-budget.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('graphbudget');
});
afterAll(() => database.dispose());

/** Spends one unit at a time until `deadline`, recording when each spend was granted. */
async function spendUntil(budget: SharedBudget, scope: string, rule: BudgetRule, deadline: number, grants: number[]) {
  while (Date.now() < deadline) {
    await budget.spend(scope, rule, 1);
    if (Date.now() < deadline) grants.push(Date.now());
  }
}

test('a slot plan never lets more than the allowed share of a limit through any sliding window', () => {
  for (const rule of [
    { limit: 10_000, windowMs: 600_000 },
    { limit: 1_250, windowMs: 60_000 },
    { limit: 4, windowMs: 1_000 },
  ]) {
    const plan = slotPlanFor(rule, 0.95, 10);
    const slotsTouchedByAWindow = Math.ceil(rule.windowMs / plan.slotMs) + 1;
    let perSlot = 0;
    for (let ticket = 0; ticket < plan.ticketsPerSlot; ticket += 1) perSlot += unitsOfTicket(plan, ticket);
    expect(perSlot * slotsTouchedByAWindow).toBeLessThanOrEqual(rule.limit * 0.95);
    // ...and still grants most of it over time: at least 90 % of the limit for the big limits.
    if (rule.limit >= 1_000) expect((perSlot * rule.windowMs) / plan.slotMs).toBeGreaterThan(rule.limit * 0.9);
  }
});

test('two workers spending from one mailbox budget together stay under its limit in every window', async () => {
  // 200 units per 500 ms: a small copy of "10,000 per 10 minutes" so the test sees several windows.
  const rule = { limit: 200, windowMs: 500 };
  const workerA = new SharedBudget(database.db, 'tenant-a', 10, 0.95);
  const workerB = new SharedBudget(database.db, 'tenant-a', 10, 0.95);
  const grants: number[] = [];
  const deadline = Date.now() + 2_000;
  await Promise.all([
    spendUntil(workerA, 'mailbox:u1', rule, deadline, grants),
    spendUntil(workerA, 'mailbox:u1', rule, deadline, grants),
    spendUntil(workerB, 'mailbox:u1', rule, deadline, grants),
    spendUntil(workerB, 'mailbox:u1', rule, deadline, grants),
  ]);
  grants.sort((a, b) => a - b);
  let busiestWindow = 0;
  for (let first = 0, last = 0; last < grants.length; last += 1) {
    while ((grants[last] ?? 0) - (grants[first] ?? 0) >= rule.windowMs) first += 1;
    busiestWindow = Math.max(busiestWindow, last - first + 1);
  }
  // Each worker may hold one reserved block beyond the bucket: 2 blocks of slack.
  expect(busiestWindow).toBeLessThanOrEqual(rule.limit * 0.95 + 2 * 10);
  // And the budget is used, not starved: over 2 s at least three windows' worth went through.
  expect(grants.length).toBeGreaterThan(rule.limit * 0.95 * 3);
});

test('a throttling pause set by one worker holds back the other', async () => {
  const rule = { limit: 1_000, windowMs: 1_000 };
  const workerA = new SharedBudget(database.db, 'tenant-b', 1, 0.95);
  const workerB = new SharedBudget(database.db, 'tenant-b', 1, 0.95);
  await workerB.spend('sharepoint', rule, 1);
  const pausedUntil = Date.now() + 700;
  await workerA.pause('sharepoint', pausedUntil);
  await workerB.spend('sharepoint', rule, 1);
  expect(Date.now()).toBeGreaterThanOrEqual(pausedUntil - 5);
});

test('budgets of different tenants and scopes do not draw on each other', async () => {
  const rule = { limit: 40, windowMs: 60_000 };
  const budget = new SharedBudget(database.db, 'tenant-c', 1, 1);
  const other = new SharedBudget(database.db, 'tenant-d', 1, 1);
  const { unitsPerSlot } = slotPlanFor(rule, 1, 1);
  for (let spent = 0; spent < unitsPerSlot; spent += 1) await budget.spend('mailbox:a', rule, 1);
  const started = Date.now();
  await other.spend('mailbox:a', rule, 1);
  await budget.spend('mailbox:b', rule, 1);
  expect(Date.now() - started).toBeLessThan(500);
});
