// Wall time, peak resident memory (sampled every 25 ms) and CPU seconds by process of one benchmark phase.
import { cpuSecondsBetween, cpuSecondsNow, type CpuSeconds } from './process-cpu.ts';

export interface PhaseMeasure<T> {
  result: T;
  seconds: number;
  peakRssMB: number;
  /** CPU the engine, the simulator and the database used in the phase: which of them binds. */
  cpuSeconds: CpuSeconds;
}

export async function measure<T>(work: () => Promise<T>): Promise<PhaseMeasure<T>> {
  // memoryUsage.rss() alone: the full memoryUsage() also walks the heap's spaces, and at every 25 ms that was 1.4 %
  // of the engine's thread during a full backup (with a 50 ms sampler of ours beside it), most of it this one.
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const cpuBefore = cpuSecondsNow();
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { result, seconds, peakRssMB: round(peak / 1e6), cpuSeconds: cpuSecondsBetween(cpuBefore, cpuSecondsNow()) };
  } finally {
    clearInterval(sampler);
  }
}

export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
