import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import { isDuplicateKeyError } from '../db/index.js';

/**
 * One ticket of a budget: `units` may be spent in time slot `slot` of `scope`. A ticket's `_id`
 * names its scope, slot and number, so two workers can never both take it: the unique `_id` is the
 * only atomic operation FerretDB offers across connections (its updates can lose concurrent writes).
 */
interface BudgetTicket {
  _id: string;
  tenantId: string;
  scope: string;
  slot: number;
  units: number;
}

/** A shared throttling pause: nobody spends from `scope` before `pausedUntil` (epoch ms). */
interface BudgetPause {
  _id: string;
  tenantId: string;
  scope: string;
  pausedUntil: number;
}

export const graphBudgetTickets = defineTenantCollection<BudgetTicket>('graphBudgetTickets', [
  { key: { tenantId: 1, scope: 1, slot: 1 }, name: 'tenant_scope_slot' },
]);
export const graphBudgetPauses = defineTenantCollection<BudgetPause>('graphBudgetPauses', []);

/** A published limit: at most `limit` units over any sliding `windowMs`. */
export interface BudgetRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface SlotPlan {
  readonly slotMs: number;
  /** Units one slot may grant. */
  readonly unitsPerSlot: number;
  /** Units one ticket grants (the reservation block; the slot's last ticket grants what is left). */
  readonly ticketUnits: number;
  readonly ticketsPerSlot: number;
  /** Whether one worker may hold a second block drawn ahead and still stay under the published limit. */
  readonly roomForBlockAhead: boolean;
}

export interface SpendOptions {
  /**
   * Draw the next block while this one is being spent, so requests do not stop for the database write. Only for
   * scopes one worker spends from at a time (a leased mailbox): that worker then holds up to two blocks.
   */
  readonly reserveAhead?: boolean;
}

const maxSlotsPerWindow = 30;

export function unitsOfTicket(plan: SlotPlan, ticket: number): number {
  return Math.min(plan.ticketUnits, plan.unitsPerSlot - ticket * plan.ticketUnits);
}

/**
 * Cuts the window into N slots. Any sliding window overlaps at most N + 1 slots, so granting
 * share × limit / (N + 1) per slot keeps every window under share × limit.
 */
export function slotPlanFor(rule: BudgetRule, share: number, reservationBlock: number): SlotPlan {
  const allowed = Math.max(2, rule.limit * share);
  const slots = Math.min(maxSlotsPerWindow, Math.max(1, Math.floor(allowed) - 1));
  const unitsPerSlot = Math.max(1, Math.floor(allowed / (slots + 1)));
  const ticketUnits = Math.max(1, Math.min(reservationBlock, unitsPerSlot));
  return {
    slotMs: rule.windowMs / slots,
    unitsPerSlot,
    ticketUnits,
    ticketsPerSlot: Math.ceil(unitsPerSlot / ticketUnits),
    roomForBlockAhead: (slots + 1) * unitsPerSlot + 2 * ticketUnits <= rule.limit,
  };
}

interface LocalReserve {
  units: number;
  pausedUntil: number;
  /** The slot last drawn from and the next ticket number worth trying in it. */
  slot: number;
  nextTicket: number;
  /** Serialises this process's spends from one scope. */
  queue: Promise<void>;
  /** The ticket draw under way, needed now or drawn ahead: one at a time per scope. */
  drawing: Promise<number> | undefined;
}

/**
 * Spends budget units on behalf of this worker from budgets shared by every worker through
 * MongoDB. Tickets are drawn a block of units at a time and spent locally, so N workers add at most
 * N blocks of slack to a window; the share (default 95 %) leaves room for that.
 */
export class SharedBudget {
  private readonly tickets;
  private readonly pauses;
  private readonly reserves = new Map<string, LocalReserve>();

  constructor(
    db: Db,
    private readonly tenantId: string,
    private readonly reservationBlock: number,
    private readonly budgetShare: number,
  ) {
    this.tickets = graphBudgetTickets.scoped(db);
    this.pauses = graphBudgetPauses.scoped(db);
  }

  /** Waits until `units` may be spent on `scope` under `rule`, then spends them. */
  async spend(scope: string, rule: BudgetRule, units: number, options: SpendOptions = {}): Promise<void> {
    const reserve = this.reserveFor(scope);
    const turn = reserve.queue.then(() => this.take(scope, rule, units, reserve, options.reserveAhead === true));
    reserve.queue = turn.catch(() => undefined);
    await turn;
  }

  /** Tells every worker to leave `scope` alone until `until` (epoch ms). */
  async pause(scope: string, until: number): Promise<void> {
    const reserve = this.reserveFor(scope);
    reserve.pausedUntil = Math.max(reserve.pausedUntil, until);
    // Two pauses written at once may keep only one; both are near the same time, so either will do.
    await this.pauses.updateOne(
      this.tenantId,
      { _id: `${this.tenantId}/${scope}` },
      { $max: { pausedUntil: until }, $setOnInsert: { tenantId: this.tenantId, scope } },
      { upsert: true },
    );
  }

  private reserveFor(scope: string): LocalReserve {
    let reserve = this.reserves.get(scope);
    if (!reserve) {
      reserve = { units: 0, pausedUntil: 0, slot: -1, nextTicket: 0, queue: Promise.resolve(), drawing: undefined };
      this.reserves.set(scope, reserve);
    }
    return reserve;
  }

  private async take(
    scope: string,
    rule: BudgetRule,
    units: number,
    reserve: LocalReserve,
    reserveAhead: boolean,
  ): Promise<void> {
    const plan = slotPlanFor(rule, this.budgetShare, this.reservationBlock);
    for (;;) {
      const pausedFor = reserve.pausedUntil - Date.now();
      if (pausedFor > 0) {
        await sleep(pausedFor);
        continue;
      }
      if (reserve.units >= units) {
        reserve.units -= units;
        if (reserveAhead && plan.roomForBlockAhead) this.drawAhead(scope, plan, reserve);
        return;
      }
      const waitMs = await this.draw(scope, plan, reserve);
      if (waitMs > 0) await sleep(waitMs);
    }
  }

  /** Starts drawing the next block once the reserve is down to one, unless a draw is under way or the slot is spent. */
  private drawAhead(scope: string, plan: SlotPlan, reserve: LocalReserve): void {
    if (reserve.units > plan.ticketUnits || reserve.drawing || reserve.pausedUntil > Date.now()) return;
    const slot = Math.floor(Date.now() / plan.slotMs);
    if (slot === reserve.slot && reserve.nextTicket >= plan.ticketsPerSlot) return;
    // A failed draw ahead is tried again when the block is needed, and that error reaches the caller.
    this.draw(scope, plan, reserve).catch(() => undefined);
  }

  /** Joins the draw under way or starts one; answers how long to wait when the slot is spent. */
  private draw(scope: string, plan: SlotPlan, reserve: LocalReserve): Promise<number> {
    reserve.drawing ??= this.drawUnlessPaused(scope, plan, reserve).finally(() => {
      reserve.drawing = undefined;
    });
    return reserve.drawing;
  }

  private async drawUnlessPaused(scope: string, plan: SlotPlan, reserve: LocalReserve): Promise<number> {
    await this.readSharedPause(scope, reserve);
    if (reserve.pausedUntil > Date.now()) return 0;
    return this.drawTicket(scope, plan, reserve);
  }

  private async readSharedPause(scope: string, reserve: LocalReserve): Promise<void> {
    const pause = await this.pauses.findOne(this.tenantId, { _id: `${this.tenantId}/${scope}` });
    if (pause) reserve.pausedUntil = Math.max(reserve.pausedUntil, pause.pausedUntil);
  }

  /** Tries to take the next free ticket of the current slot; answers how long to wait when the slot is spent. */
  private async drawTicket(scope: string, plan: SlotPlan, reserve: LocalReserve): Promise<number> {
    const now = Date.now();
    const slot = Math.floor(now / plan.slotMs);
    if (slot !== reserve.slot) {
      reserve.slot = slot;
      reserve.nextTicket = 0;
      if (slot % maxSlotsPerWindow === 0) await this.forgetOldSlots(scope, slot - 2 * maxSlotsPerWindow);
    }
    while (reserve.nextTicket < plan.ticketsPerSlot) {
      const ticket = reserve.nextTicket;
      reserve.nextTicket += 1;
      try {
        await this.tickets.insertOne(this.tenantId, {
          _id: `${this.tenantId}/${scope}/${slot}/${ticket}`,
          tenantId: this.tenantId,
          scope,
          slot,
          units: unitsOfTicket(plan, ticket),
        });
        reserve.units += unitsOfTicket(plan, ticket);
        return 0;
      } catch (error) {
        // Another worker holds this ticket: try the next one.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return (slot + 1) * plan.slotMs - now;
  }

  private async forgetOldSlots(scope: string, before: number): Promise<void> {
    await this.tickets.deleteMany(this.tenantId, { scope, slot: { $lt: before } });
  }
}
