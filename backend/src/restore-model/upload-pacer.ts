import { setTimeout as sleep } from 'node:timers/promises';

export interface UploadBudget {
  /** Bytes Graph accepts per window and mailbox: 150 MB per 5 minutes (learn.microsoft.com/graph/throttling-limits). */
  readonly bytes: number;
  readonly windowMs: number;
}

export const outlookUploadBudget: UploadBudget = { bytes: 150_000_000, windowMs: 5 * 60_000 };

/** The share of the published budget we spend, as the Graph layer does for request budgets. */
const budgetShare = 0.9;

/**
 * Paces the bytes uploaded into one mailbox so that no sliding window exceeds the upload budget. It counts in this
 * process only, which is enough because a restore writes into a mailbox only while holding that mailbox's lease
 * (the same invariant the Graph layer relies on for the 4-in-flight rule).
 */
export class UploadPacer {
  private readonly sent = new Map<string, { at: number; bytes: number }[]>();
  private readonly limit: number;

  constructor(private readonly budget: UploadBudget = outlookUploadBudget) {
    this.limit = Math.floor(budget.bytes * budgetShare);
  }

  /** Waits until `bytes` more fit in the window of `mailbox`, then counts them as sent. */
  async take(mailbox: string, bytes: number): Promise<void> {
    const history = this.sent.get(mailbox) ?? [];
    this.sent.set(mailbox, history);
    const wanted = Math.min(bytes, this.limit);
    for (;;) {
      const now = Date.now();
      while (history.length > 0 && history[0]!.at <= now - this.budget.windowMs) history.shift();
      const used = history.reduce((sum, entry) => sum + entry.bytes, 0);
      if (used + wanted <= this.limit || history.length === 0) break;
      // Wait until enough of the oldest uploads leave the window.
      let freed = 0;
      let until = now;
      for (const entry of history) {
        freed += entry.bytes;
        until = entry.at + this.budget.windowMs;
        if (used - freed + wanted <= this.limit) break;
      }
      await sleep(Math.max(10, until - now));
    }
    history.push({ at: Date.now(), bytes });
  }
}
