/**
 * Runs at most `limit` tasks at once; remembers the first failure instead of leaving a rejected promise unobserved
 * while the caller is still feeding work.
 */
export class BoundedWork {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  /** Starts a task, waiting first until fewer than `limit` are running. */
  async add(task: () => Promise<unknown>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    this.throwIfFailed();
    const running: Promise<void> = task().then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.running.add(running);
    void running.finally(() => this.running.delete(running));
  }

  /** Waits for every task; rejects with the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
