import type { RunUnit } from './model.js';

/**
 * How many of a run's units have an Agenda job at a time, by default: more than the unit jobs all workers run at once
 * (4 a worker), so none waits for work.
 *
 * Why not every unit at once: Agenda looks for the next job to lock with a query on the job's name whose other
 * conditions (unlocked, due) FerretDB evaluates itself, reading every job of that name, and it looks at each poll and
 * after each job. With a job for each of a 200-account run's 201 units, those reads were 57,000 rows and the
 * database's largest cost; with 2,000 accounts it would be 100 times that. In lanes, a lock reads at most a lane's
 * worth of jobs whatever the size of the run.
 */
export const defaultUnitLanes = 16;

/**
 * The units of a run go in `lanes` lanes by their position in the plan (position modulo the lane count): a lane's
 * next unit has its job once the one before it in the lane is final, done or failed. A unit that is retried holds its
 * lane until it is final. Units written before positions existed are always due: their runs queued every unit.
 */
export function isDueInLane(
  unit: Pick<RunUnit, 'position'>,
  openPositions: ReadonlySet<number>,
  lanes: number,
): boolean {
  if (unit.position === undefined || unit.position < lanes) return true;
  return !openPositions.has(unit.position - lanes);
}

/** The positions of a run's open (pending or running) units, for `isDueInLane`. */
export function positionsOf(open: readonly Pick<RunUnit, 'position'>[]): Set<number> {
  return new Set(open.flatMap((unit) => (unit.position === undefined ? [] : [unit.position])));
}
