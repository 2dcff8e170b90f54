import { createRandom, type Random } from './util/random.js';

/** Faults to inject, deterministic by seed: the same seed and request order give the same faults. */
export interface FaultSpec {
  seed?: number;
  /** Share of Graph requests answered 503 with Retry-After. */
  rate503?: number;
  /** Share of responses whose connection is reset halfway through the body. */
  resetRate?: number;
  slowMs?: number;
  slowRate?: number;
  /** Every delta scope answers its first token-bearing request with 410, forcing one full resync. */
  forceResync?: boolean;
}

export type FaultDecision = { kind: 'none' | 'unavailable' | 'reset'; delayMs: number };

export class Faults {
  private random: Random;
  private readonly resynced = new Set<string>();

  constructor(private spec: FaultSpec) {
    this.random = createRandom(spec.seed ?? 1);
  }

  configure(spec: FaultSpec): void {
    this.spec = spec;
    this.random = createRandom(spec.seed ?? 1);
    this.resynced.clear();
  }

  current(): FaultSpec {
    return { ...this.spec };
  }

  /** One draw per fault kind per request, always in the same order, so outcomes depend only on seed and order. */
  decide(): FaultDecision {
    const unavailable = this.random() < (this.spec.rate503 ?? 0);
    const reset = this.random() < (this.spec.resetRate ?? 0);
    const slow = this.random() < (this.spec.slowRate ?? 0);
    const delayMs = slow ? (this.spec.slowMs ?? 0) : 0;
    return { kind: unavailable ? 'unavailable' : reset ? 'reset' : 'none', delayMs };
  }

  forceResync(scope: string): boolean {
    if (!this.spec.forceResync || this.resynced.has(scope)) return false;
    this.resynced.add(scope);
    return true;
  }
}

/** Parses the CLI form `rate503=0.1,resetRate=0.02,slowMs=200,slowRate=0.1,seed=7,forceResync=true`. */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: Record<string, number | boolean> = {};
  for (const pair of text.split(',').filter((part) => part.includes('='))) {
    const [key, value] = pair.split('=') as [string, string];
    spec[key.trim()] = value === 'true' ? true : value === 'false' ? false : Number(value);
  }
  return spec as FaultSpec;
}
