export interface Count {
  requests: number;
  throttled: number;
}

export interface CountersSnapshot {
  /** Every request Graph handled: a `$batch` counts once itself and once per sub-request. */
  total: Count;
  /** Of `total`, the requests that came inside a `$batch` rather than as their own HTTP request. */
  batchedRequests: number;
  byEndpoint: Record<string, Count>;
  byResource: Record<string, Count>;
}

/** Graph requests seen, per endpoint template and per resource (mailbox, drive, site, team), with how many got 429. */
export class RequestCounters {
  private total: Count = { requests: 0, throttled: 0 };
  private batchedRequests = 0;
  private byEndpoint = new Map<string, Count>();
  private byResource = new Map<string, Count>();

  record(endpoint: string, resource: string | undefined, status: number, batched = false): void {
    const throttled = status === 429 ? 1 : 0;
    if (batched) this.batchedRequests += 1;
    for (const count of [
      this.total,
      entry(this.byEndpoint, endpoint),
      resource ? entry(this.byResource, resource) : undefined,
    ]) {
      if (!count) continue;
      count.requests += 1;
      count.throttled += throttled;
    }
  }

  snapshot(): CountersSnapshot {
    return {
      total: { ...this.total },
      batchedRequests: this.batchedRequests,
      byEndpoint: Object.fromEntries([...this.byEndpoint].map(([key, count]) => [key, { ...count }])),
      byResource: Object.fromEntries([...this.byResource].map(([key, count]) => [key, { ...count }])),
    };
  }

  reset(): void {
    this.total = { requests: 0, throttled: 0 };
    this.batchedRequests = 0;
    this.byEndpoint = new Map();
    this.byResource = new Map();
  }
}

function entry(map: Map<string, Count>, key: string): Count {
  let count = map.get(key);
  if (!count) {
    count = { requests: 0, throttled: 0 };
    map.set(key, count);
  }
  return count;
}
