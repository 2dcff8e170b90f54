export {
  DurableEventConsumer,
  startConsumerLoop,
  type ConsumerLoop,
  type ConsumerPassReport,
  type DurableConsumerOptions,
} from './durable-consumer.js';
export { eventClaims, consumerCursors, type EventClaim } from './event-claims.js';
export { endOfRunPipeline, pipelineEventTypes, type EndOfRunSteps } from './end-of-run.js';
export {
  endOfRunConsumer,
  endOfRunConsumerName,
  startEndOfRunPipeline,
  type EndOfRunPipelineOptions,
} from './start-pipeline.js';
