interface Gate {
  inUse: number;
  readonly waiting: Array<{ permits: number; wake: () => void }>;
}

/**
 * At most `limit` permits per key held at once in this process, granted first come first served.
 * Used for the mailbox concurrency rule: the run engine leases one resource to one worker at a
 * time, so one process's count is the mailbox's count (README.md explains the invariant).
 */
export class KeyedSemaphore {
  private readonly gates = new Map<string, Gate>();
  private readonly peak = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once `permits` (capped at the limit) are held on `key`. */
  async acquire(key: string, permits = 1): Promise<() => void> {
    const wanted = Math.min(Math.max(1, permits), this.limit);
    const gate = this.gateFor(key);
    if (gate.waiting.length > 0 || gate.inUse + wanted > this.limit) {
      await new Promise<void>((wake) => gate.waiting.push({ permits: wanted, wake }));
    } else {
      gate.inUse += wanted;
    }
    this.peak.set(key, Math.max(this.peak.get(key) ?? 0, gate.inUse));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      gate.inUse -= wanted;
      this.admitWaiting(key, gate);
    };
  }

  /** The most permits ever held at once on `key` (what a test or a benchmark wants to see). */
  peakInUse(key: string): number {
    return this.peak.get(key) ?? 0;
  }

  private gateFor(key: string): Gate {
    let gate = this.gates.get(key);
    if (!gate) {
      gate = { inUse: 0, waiting: [] };
      this.gates.set(key, gate);
    }
    return gate;
  }

  private admitWaiting(key: string, gate: Gate): void {
    for (let next = gate.waiting[0]; next && gate.inUse + next.permits <= this.limit; next = gate.waiting[0]) {
      gate.waiting.shift();
      gate.inUse += next.permits;
      next.wake();
    }
    if (gate.inUse === 0 && gate.waiting.length === 0) this.gates.delete(key);
  }
}
