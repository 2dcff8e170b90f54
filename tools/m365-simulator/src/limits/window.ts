/** A fixed window counter: how many requests (or resource units) were spent since the window opened. */
export class FixedWindow {
  // The first spend opens the window. (Starting at 0 anchored it at the process's start on performance.now()'s clock,
  // so a window could close a moment after the first request when the process had run about one window long.)
  private openedAt = -Infinity;
  private spent = 0;

  constructor(private readonly lengthMs: number) {}

  private roll(now: number): void {
    if (now - this.openedAt >= this.lengthMs) {
      this.openedAt = now;
      this.spent = 0;
    }
  }

  /** Spends `cost` (throttled requests count too, as the throttling page says) and tells whether it fits `budget`. */
  spend(now: number, cost: number, budget: number): { allowed: boolean; used: number; resetMs: number } {
    this.roll(now);
    const allowed = this.spent + cost <= budget;
    this.spent += cost;
    return { allowed, used: this.spent, resetMs: this.openedAt + this.lengthMs - now };
  }
}
