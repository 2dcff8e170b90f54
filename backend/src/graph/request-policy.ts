import type { GraphLimits } from './connection.js';
import type { ResourceKey } from './resource.js';
import { directoryUnitCost, sharePointUnitCost } from './resource-units.js';
import type { BudgetRule } from './shared-budget.js';

/** Which shared budget a request spends from, how much, and which concurrency gate it passes. */
export interface RequestPolicy {
  readonly budgetScope: string;
  readonly rule: BudgetRule;
  readonly units: number;
  /** Mailbox requests share a per-mailbox gate of `mailboxConcurrency`; others have none. */
  readonly concurrencyKey: string | undefined;
  /** Only the worker leasing the resource spends from the scope, so it may draw its next block ahead. */
  readonly reserveAhead: boolean;
}

export function policyFor(resource: ResourceKey, method: string, url: string, limits: GraphLimits): RequestPolicy {
  const scaled = (windowMs: number) => windowMs / limits.timeScale;
  switch (resource.kind) {
    case 'mailbox':
      return {
        budgetScope: `mailbox:${resource.userId}`,
        rule: { limit: limits.mailboxRequestsPerWindow, windowMs: scaled(limits.mailboxWindowMs) },
        units: 1,
        concurrencyKey: `mailbox:${resource.userId}`,
        reserveAhead: true,
      };
    case 'drive':
      // SharePoint and OneDrive share one resource-unit budget per app and tenant.
      return {
        budgetScope: 'sharepoint',
        rule: { limit: limits.sharePointUnitsPerMinute, windowMs: scaled(60_000) },
        units: sharePointUnitCost(method, url),
        concurrencyKey: undefined,
        reserveAhead: false,
      };
    case 'directory':
      return {
        budgetScope: 'directory',
        rule: { limit: limits.directoryUnitsPer10s, windowMs: scaled(10_000) },
        units: directoryUnitCost(url),
        concurrencyKey: undefined,
        reserveAhead: false,
      };
    case 'team':
      return {
        budgetScope: `team:${resource.teamId}`,
        rule: { limit: limits.teamRequestsPerSecond, windowMs: scaled(1_000) },
        units: 1,
        concurrencyKey: undefined,
        reserveAhead: false,
      };
  }
}
