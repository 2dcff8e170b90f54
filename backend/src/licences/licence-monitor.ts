import type { Db } from 'mongodb';
import type { DomainEvents } from '../events.js';
import { licenceUsage, type LicenceUsage } from './licence-usage.js';
import { overrunRemedies } from './remedies.js';

/**
 * Reads licence consumption and announces an overrun as `licence.overrun` (once a day for the same
 * excess). The end-of-run pipeline (`../run-end`) calls it after every run, in whichever process
 * the run ended.
 */
export class LicenceMonitor {
  constructor(
    private readonly db: Db,
    private readonly events: DomainEvents,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Reads the consumption and emits `licence.overrun` when it exceeds what was bought. */
  async check(tenantId: string): Promise<LicenceUsage> {
    const usage = await licenceUsage(this.db, tenantId);
    if (!usage.overrun) return usage;
    const plans = [
      ...usage.plans.filter((plan) => plan.used > plan.seats),
      ...usage.unlicensed.map((plan) => ({ ...plan, seats: 0 })),
    ].map(({ profile, retentionYears, seats, used }) => ({ profile, retentionYears, seats, used }));
    const storage = usage.storage.usedBytes > usage.storage.purchasedBytes ? usage.storage : null;
    const excess = plans.map((plan) => `${plan.profile}/${plan.retentionYears}:${plan.used}`).join(',');
    const day = this.clock().toISOString().slice(0, 10);
    await this.events.emit(
      tenantId,
      'licence.overrun',
      { plans, storage, remedies: overrunRemedies.map((remedy) => ({ ...remedy })) },
      `licence.overrun:${day}:${excess}:${storage ? 'storage' : ''}`,
    );
    return usage;
  }
}
