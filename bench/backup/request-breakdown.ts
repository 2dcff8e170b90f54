// How one phase's Graph requests are counted. The simulator counts a `$batch` once itself and once per sub-request;
// the phase's figures tell apart HTTP requests (what crosses the network: a batch is one) and Graph operations (what
// Graph's throttling counts: each sub-request, not the batch that carries them).
import type { CountersSnapshot } from '@custodia/m365-simulator';

const batchEndpoint = 'POST /$batch';

export interface RequestCounts {
  httpRequests: number;
  graphOperations: number;
}

export function requestCounts(counters: CountersSnapshot): RequestCounts {
  const batches = counters.byEndpoint[batchEndpoint]?.requests ?? 0;
  return {
    httpRequests: counters.total.requests - counters.batchedRequests,
    graphOperations: counters.total.requests - batches,
  };
}

/** Requests per endpoint (method and route template), most requested first: where a phase's requests go. */
export function requestsByEndpoint(counters: CountersSnapshot): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counters.byEndpoint)
      .map(([endpoint, count]) => [endpoint, count.requests] as const)
      .sort(([endpointA, a], [endpointB, b]) => b - a || endpointA.localeCompare(endpointB)),
  );
}
