export * from './db/index.js';
export { Scheduler, type JobHandler, type SchedulerOptions, type SchedulerState } from './jobs/scheduler.js';
