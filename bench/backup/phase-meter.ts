// Wall time and peak resident memory of one benchmark phase, sampled every 25 ms.

export interface PhaseMeasure<T> {
  result: T;
  seconds: number;
  peakRssMB: number;
}

export async function measure<T>(work: () => Promise<T>): Promise<PhaseMeasure<T>> {
  // memoryUsage.rss() alone: the full memoryUsage() also walks the heap's spaces, and at every 25 ms that was 1.4 %
  // of the engine's thread during a full backup (with a 50 ms sampler of ours beside it), most of it this one.
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { result, seconds, peakRssMB: round(peak / 1e6) };
  } finally {
    clearInterval(sampler);
  }
}

export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
