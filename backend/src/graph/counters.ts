export interface ResourceCounters {
  /** Requests sent to Graph (every attempt, redirects to download URLs not included). */
  requests: number;
  /** Answers 429 Too Many Requests (a sub-request of a batch counts too). */
  throttled: number;
  /** Attempts repeated after a 429, 503, 5xx, a connection reset, or a download resumed by Range. */
  retries: number;
  /** Response body bytes received. */
  bytes: number;
}

/** A plain, JSON-ready snapshot, meant to be stored with a run's summary. */
export interface GraphCounters {
  readonly tenantId: string;
  readonly tokenRequests: number;
  readonly total: ResourceCounters;
  readonly byResource: Readonly<Record<string, ResourceCounters>>;
}

const zero = (): ResourceCounters => ({ requests: 0, throttled: 0, retries: 0, bytes: 0 });

/** Counts per resource for one tenant in this process. */
export class GraphCounterSet {
  private readonly byResource = new Map<string, ResourceCounters>();

  constructor(private readonly tenantId: string) {}

  add(resource: string, counter: keyof ResourceCounters, amount = 1): void {
    let counters = this.byResource.get(resource);
    if (!counters) {
      counters = zero();
      this.byResource.set(resource, counters);
    }
    counters[counter] += amount;
  }

  snapshot(tokenRequests: number): GraphCounters {
    const total = zero();
    const byResource: Record<string, ResourceCounters> = {};
    for (const [resource, counters] of this.byResource) {
      byResource[resource] = { ...counters };
      for (const key of Object.keys(total) as Array<keyof ResourceCounters>) total[key] += counters[key];
    }
    return { tenantId: this.tenantId, tokenRequests, total, byResource };
  }
}
