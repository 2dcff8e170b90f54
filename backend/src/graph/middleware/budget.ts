import type { Context } from '@microsoft/microsoft-graph-client';
import type { GraphCounterSet } from '../counters.js';
import { callOf } from '../graph-call.js';
import type { KeyedSemaphore } from '../keyed-semaphore.js';
import type { SharedBudget } from '../shared-budget.js';
import { ChainLink } from './chain-link.js';
import { trackBody } from './tracked-body.js';

/**
 * Spends the request's units from the shared budget, then takes its resource's concurrency permits
 * and holds them until the response body is finished. Every attempt passes here: throttled
 * requests count against Graph's limits too.
 */
export class BudgetMiddleware extends ChainLink {
  constructor(
    private readonly budget: SharedBudget,
    private readonly concurrency: KeyedSemaphore,
    private readonly counters: GraphCounterSet,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const { settings } = callOf(context);
    const { policy } = settings;
    await this.budget.spend(policy.budgetScope, policy.rule, settings.units ?? policy.units, {
      reserveAhead: policy.reserveAhead,
    });
    const release = policy.concurrencyKey
      ? await this.concurrency.acquire(policy.concurrencyKey, settings.permits ?? 1)
      : () => undefined;
    let response: Response;
    try {
      response = await this.next(context);
    } catch (error) {
      release();
      throw error;
    }
    context.response = trackBody(
      response,
      (count) => this.counters.add(settings.resourceLabel, 'bytes', count),
      release,
    );
  }
}
