// Under enforced limits, how close the engine comes to the rate Graph allows. Outlook allows 10,000 requests per
// mailbox per 10 minutes (the window shrunk by the simulator's time scale); each mailbox unit's achieved rate is its
// requests (from the simulator's counters) over the unit's own wall time.
// The constant from its own module: the package's index loads the whole simulator (its server, routes, token service:
// 29 MB of resident memory) into the engine's process, whose memory this benchmark measures.
import { MAILBOX_REQUESTS_PER_WINDOW } from '@custodia/m365-simulator/limits/limits';
import type { CountersSnapshot } from '@custodia/m365-simulator';

const mailboxWindowSeconds = 10 * 60;

export interface UnitTiming {
  resourceId: string;
  resourceKind: string;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RateShare {
  allowedPerMailboxPerSecond: number;
  /** Over all mailboxes: their requests over the sum of their units' durations, as a share of the allowed rate. */
  mailboxShare: number;
  minMailboxShare: number;
}

export function mailboxRateShare(
  units: readonly UnitTiming[],
  counters: CountersSnapshot,
  timeScale: number,
): RateShare {
  const allowed = MAILBOX_REQUESTS_PER_WINDOW / (mailboxWindowSeconds / timeScale);
  let requests = 0;
  let seconds = 0;
  let minShare = Number.POSITIVE_INFINITY;
  for (const unit of units) {
    if (unit.resourceKind !== 'mailbox' || !unit.startedAt || !unit.finishedAt) continue;
    const unitRequests = counters.byResource[unit.resourceId]?.requests ?? 0;
    const unitSeconds = (unit.finishedAt.getTime() - unit.startedAt.getTime()) / 1000;
    requests += unitRequests;
    seconds += unitSeconds;
    minShare = Math.min(minShare, unitRequests / unitSeconds / allowed);
  }
  return {
    allowedPerMailboxPerSecond: allowed,
    mailboxShare: seconds > 0 ? requests / seconds / allowed : 0,
    minMailboxShare: Number.isFinite(minShare) ? minShare : 0,
  };
}
