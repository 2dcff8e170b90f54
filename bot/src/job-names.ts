import leven from 'leven';

export type JobMatch<T> =
  { kind: 'exact'; job: T } | { kind: 'close'; job: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none' };

/**
 * Finds the job a person meant despite typos ("nightyl" for "Nightly"): the exact name (any case),
 * else the one name within a small edit distance, else the one name that starts with what was typed.
 */
export function matchJobName<T extends { name: string }>(typed: string, jobs: readonly T[]): JobMatch<T> {
  const wanted = normalise(typed);
  const exact = jobs.find((job) => normalise(job.name) === wanted);
  if (exact) return { kind: 'exact', job: exact };
  const tolerance = Math.max(1, Math.floor(wanted.length / 4));
  const scored = jobs
    .map((job) => ({ job, distance: leven(normalise(job.name), wanted) }))
    .filter((entry) => entry.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (best) {
    const tied = scored.filter((entry) => entry.distance === best.distance).map((entry) => entry.job);
    return tied.length === 1 ? { kind: 'close', job: best.job } : { kind: 'ambiguous', candidates: tied };
  }
  const prefixed = jobs.filter((job) => wanted.length >= 3 && normalise(job.name).startsWith(wanted));
  if (prefixed.length === 1 && prefixed[0]) return { kind: 'close', job: prefixed[0] };
  return prefixed.length > 1 ? { kind: 'ambiguous', candidates: prefixed } : { kind: 'none' };
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
