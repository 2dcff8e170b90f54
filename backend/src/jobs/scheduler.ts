import { Agenda, type Job } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import { releaseLapsedLockSlots } from './lapsed-lock-slots.js';

/** Where Agenda keeps its jobs; the stall check and the live-job check read it directly. */
const agendaJobsCollection = 'agendaJobs';

/** Job handler for a job whose data has type `TData`. */
export type JobHandler<TData> = (data: TData, job: Job<TData>) => Promise<void>;

export interface JobDefinitionOptions {
  /** How many of this job run at once in one process. */
  concurrency?: number;
  /** How long a lock lasts before another worker may take the job over (crash recovery). */
  lockLifetimeMs?: number;
  /** Deletes a one-time job's record once it has run, so the jobs collection stays small. */
  removeOnComplete?: boolean;
}

export interface SchedulerOptions {
  db: Db;
  /** Identifies this worker in the job records (lastModifiedBy). */
  workerName: string;
  /** How often to look for due jobs. */
  pollIntervalMs?: number;
  /**
   * How long a worker's lock on a job lasts without renewal; after a crash, another worker takes
   * the job over once it expires. Agenda checks liveness every half lifetime.
   */
  lockLifetimeMs?: number;
  /** Hears the job names whose lock slots Agenda had left counted after their locks lapsed in the local queue. */
  onLapsedLockSlots?: (jobNames: string[]) => void;
}

export type SchedulerState = 'created' | 'running' | 'draining' | 'stopped';

/**
 * The product's only door to Agenda: jobs are defined by name with typed data, and the
 * scheduler drains running jobs on shutdown instead of abandoning them.
 */
export class Scheduler {
  readonly agenda: Agenda;
  private currentState: SchedulerState = 'created';

  private readonly db: Db;
  private readonly pollIntervalMs: number;
  private readonly onLapsedLockSlots: ((jobNames: string[]) => void) | undefined;
  private lapsedLockCheck: NodeJS.Timeout | undefined;
  private lastActivity = Date.now();
  /** One-time jobs (units, restores, exports) this process is running now; recurring upkeep is not counted. */
  private oneTimeRunning = 0;

  constructor(options: SchedulerOptions) {
    this.db = options.db;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.onLapsedLockSlots = options.onLapsedLockSlots;
    this.agenda = new Agenda({
      backend: new MongoBackend({ mongo: options.db, collection: agendaJobsCollection }),
      name: options.workerName,
      processEvery: this.pollIntervalMs,
      defaultLockLifetime: options.lockLifetimeMs ?? 10 * 60_000,
    });
    this.agenda.on('start', (job: Job) => {
      this.lastActivity = Date.now();
      if (!job.attrs.repeatInterval) this.oneTimeRunning += 1;
    });
    this.agenda.on('complete', (job: Job) => {
      this.lastActivity = Date.now();
      if (!job.attrs.repeatInterval) this.oneTimeRunning = Math.max(0, this.oneTimeRunning - 1);
    });
  }

  /**
   * How long this process has left due one-time work untouched: while it runs none, the age of the oldest one-time job
   * that is due and unlocked (of one tenant, for a process that serves one); 0 otherwise. Agenda can stop locking the
   * jobs of one definition while its recurring jobs go on (a lock slot left counted: see lapsed-lock-slots.ts, which
   * repairs the one cause found), so the time since the last job alone does not show that this process stopped working.
   */
  async idleWithDueWorkForMs(tenantId?: string, now = Date.now()): Promise<number> {
    if (this.oneTimeRunning > 0) return 0;
    const due = await this.db.collection(agendaJobsCollection).findOne(
      {
        repeatInterval: null,
        lockedAt: null,
        disabled: { $ne: true },
        nextRunAt: { $lte: new Date(now) },
        ...(tenantId !== undefined && { 'data.tenantId': tenantId }),
      },
      { sort: { nextRunAt: 1 }, projection: { nextRunAt: 1 } },
    );
    const since = due?.['nextRunAt'] as Date | undefined;
    return since ? now - since.getTime() : 0;
  }

  /** When this process last started or finished a job (its recurring jobs make this advance while it is healthy). */
  get lastActivityAt(): number {
    return this.lastActivity;
  }

  get state(): SchedulerState {
    return this.currentState;
  }

  define<TData>(name: string, handler: JobHandler<TData>, options: JobDefinitionOptions = {}): void {
    this.agenda.define<TData>(name, (job) => handler(job.attrs.data, job), {
      // A worker locks no more jobs than it can run, so the others in the pool get the rest.
      ...(options.concurrency !== undefined && { concurrency: options.concurrency, lockLimit: options.concurrency }),
      ...(options.lockLifetimeMs !== undefined && { lockLifetime: options.lockLifetimeMs }),
      ...(options.removeOnComplete !== undefined && { removeOnComplete: options.removeOnComplete }),
    });
  }

  async start(): Promise<void> {
    await this.agenda.start();
    this.currentState = 'running';
    this.lapsedLockCheck = setInterval(() => {
      const jobNames = releaseLapsedLockSlots(this.agenda);
      if (jobNames.length > 0) this.onLapsedLockSlots?.(jobNames);
    }, this.pollIntervalMs);
    this.lapsedLockCheck.unref();
  }

  /** Runs the job as soon as a worker is free. */
  runNow<TData>(name: string, data: TData): Promise<Job<TData>> {
    return this.agenda.now<TData>(name, data);
  }

  runAt<TData>(when: Date, name: string, data: TData): Promise<Job<TData>> {
    return this.agenda.schedule<TData>(when, name, data);
  }

  /** The data of the jobs of that name still due to run (not finished, not removed). */
  async liveJobData<T extends object>(name: string): Promise<T[]> {
    const jobs = await this.db
      .collection<{ data?: T }>(agendaJobsCollection)
      .find({ name, nextRunAt: { $ne: null } }, { projection: { _id: 0, data: 1 } })
      .toArray();
    return jobs.flatMap((job) => (job.data ? [job.data] : []));
  }

  /** Runs the job every interval, one schedule for the whole cluster. */
  async runEvery(intervalMs: number, name: string): Promise<void> {
    await this.agenda.every(intervalMs, name);
  }

  /** Stops taking new jobs and waits (up to the timeout) for running ones to finish. */
  async drain(timeoutMs = 30_000): Promise<void> {
    if (this.currentState !== 'running') return;
    this.currentState = 'draining';
    clearInterval(this.lapsedLockCheck);
    await this.agenda.drain({ timeout: timeoutMs, closeConnection: false });
    // drain leaves Agenda's polling timer behind; stop clears it (nothing is locked any more).
    await this.agenda.stop(false);
    this.currentState = 'stopped';
  }
}
