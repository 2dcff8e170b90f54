// CPU seconds of the benchmark's processes, by role: the engine (this process), the simulator (Graph's side, in its
// own process) and the database (FerretDB and PostgreSQL, started by devdb as this process's descendants). A phase's
// figure is the difference of two readings, so "what binds" is measured rather than guessed from wall time. Linux
// only (/proc); elsewhere only the engine's own figure is given.
import { readdirSync, readFileSync } from 'node:fs';

export type CpuRole = 'engine' | 'simulator' | 'database' | 'other';
export type CpuSeconds = Record<CpuRole, number>;

const clockTicksPerSecond = 100;

interface ProcessStat {
  readonly pid: number;
  readonly parent: number;
  /** utime + stime, and those of its children it has waited for (PostgreSQL's ended backends). */
  readonly ticks: number;
}

function statOf(pid: number): ProcessStat | undefined {
  try {
    // The command name in parentheses may hold spaces: fields are counted after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1)!.trim().split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
    return { pid, parent: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! };
  } catch {
    return undefined;
  }
}

function roleOf(pid: number): CpuRole {
  let command: string;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return 'other';
  }
  if (command.includes('.devdb-bin/') || command.includes('postgres')) return 'database';
  if (command.includes('simulator-process')) return 'simulator';
  return 'other';
}

function descendantsOf(root: number): ProcessStat[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
  const stats = pids.map(statOf).filter((stat): stat is ProcessStat => stat !== undefined);
  const children = new Map<number, ProcessStat[]>();
  for (const stat of stats) children.set(stat.parent, [...(children.get(stat.parent) ?? []), stat]);
  const found: ProcessStat[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    found.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return found;
}

/** CPU seconds used so far by this process and, by role, by its descendants alive now. */
export function cpuSecondsNow(): CpuSeconds {
  const own = process.cpuUsage();
  const seconds: CpuSeconds = { engine: (own.user + own.system) / 1e6, simulator: 0, database: 0, other: 0 };
  for (const stat of descendantsOf(process.pid)) seconds[roleOf(stat.pid)] += stat.ticks / clockTicksPerSecond;
  return seconds;
}

/** What each role used between two readings, to a tenth of a second. */
export function cpuSecondsBetween(before: CpuSeconds, after: CpuSeconds): CpuSeconds {
  const used = (role: CpuRole) => Math.round(Math.max(0, after[role] - before[role]) * 10) / 10;
  return { engine: used('engine'), simulator: used('simulator'), database: used('database'), other: used('other') };
}
