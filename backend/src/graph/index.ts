export { GraphGateway } from './gateway.js';
export type {
  GraphAnswer,
  GraphGatewayOptions,
  GraphRequestOptions,
  PagingOptions,
  PutBytesOptions,
  SendJsonOptions,
  WriteMethod,
} from './gateway.js';
export { defaultGraphLimits, resolveGraphLimits, type GraphLimits, type GraphTenantConnection } from './connection.js';
export { resourceLabel, type ResourceKey } from './resource.js';
export {
  GraphConsentMissing,
  GraphRequestError,
  GraphResyncRequired,
  notConsentedCodes,
  type GraphFailureDetails,
} from './errors.js';
export type { DeltaPage, RemovedEntry } from './delta.js';
export type { BatchRequest, BatchResponse } from './batch.js';
export type { ByteRange, GraphStream } from './download.js';
export type { GraphCounters, ResourceCounters } from './counters.js';
export { AppTokenProvider } from './token-provider.js';
export { graphBudgetPauses, graphBudgetTickets } from './shared-budget.js';
export { OnBehalfOfGraph, OnBehalfOfRefused } from './on-behalf-of.js';
export * from './resources/index.js';
