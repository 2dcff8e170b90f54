export * from './db/index.js';
export { Scheduler, type JobHandler, type SchedulerOptions, type SchedulerState } from './jobs/scheduler.js';
export { DomainEvents, type DomainEvent, type DomainEventType, type DomainEventPayloads } from './events.js';
