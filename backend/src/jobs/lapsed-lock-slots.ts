import type { Agenda, Job } from 'agenda';

/** The parts of Agenda's job processor whose accounting {@link releaseLapsedLockSlots} repairs. */
interface LockAccounting {
  lockedJobs: Job[];
  runningJobs: Job[];
  jobQueue: { getQueue(): Job[] };
  jobStatus: Record<string, { locked: number; running: number } | undefined>;
}

function isLockAccounting(value: unknown): value is LockAccounting {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof LockAccounting, unknown>>;
  return (
    Array.isArray(candidate.lockedJobs) &&
    Array.isArray(candidate.runningJobs) &&
    typeof candidate.jobStatus === 'object' &&
    typeof (candidate.jobQueue as { getQueue?: unknown } | undefined)?.getQueue === 'function'
  );
}

/**
 * Agenda 6.2.6 counts a job against its definition's lock limit from the moment it locks it until it has run; but a
 * job whose lock lapses while it waits in the local queue (locked at a scan, started later than its lock lifetime: a
 * slow scan of another definition, a busy event loop, a database that stalls) is dropped from the queue and never
 * uncounted (agenda/agenda#1413). With our lock limit equal to the concurrency, one such job stops this process from
 * ever locking a job of that name again, while its recurring jobs go on. The lapsed job itself is safe: its lock has
 * expired in the database, so this or another process locks it again.
 *
 * Between two macrotasks a job this process holds is queued, running, or neither only when it was dropped: lock,
 * queue and run are each entered synchronously. Returns the names of the definitions whose slots were released.
 */
export function releaseLapsedLockSlots(agenda: Agenda): string[] {
  const processor: unknown = (agenda as unknown as { jobProcessor?: unknown }).jobProcessor;
  if (processor === undefined) return [];
  if (!isLockAccounting(processor)) {
    throw new Error(
      'Agenda’s job processor no longer has the shape releaseLapsedLockSlots repairs: check agenda/agenda#1413',
    );
  }
  const held = new Set(
    [...processor.runningJobs, ...processor.jobQueue.getQueue()].map((job) => String(job.attrs._id)),
  );
  const lapsed = processor.lockedJobs.filter((job) => !held.has(String(job.attrs._id)));
  for (const job of lapsed) {
    processor.lockedJobs.splice(processor.lockedJobs.indexOf(job), 1);
    const status = processor.jobStatus[job.attrs.name];
    if (status) status.locked = Math.max(0, status.locked - 1);
  }
  return lapsed.map((job) => job.attrs.name);
}
