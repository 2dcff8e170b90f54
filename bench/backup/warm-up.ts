// The benchmark's unmeasured warm-up pass (every byte the backup will read, read once so that the simulator's memoized
// export streams are warm), run in a process of its own. In the engine's process it left 40-70 MB of heap, freed
// buffers and malloc arenas behind (RSS 160 -> 210-245 MB before the full backup began), which the full phase's
// peakRssMB then counted as the engine's. The ceiling phase still reads in this process, as it always did.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { InventoryItem } from '../../backend/test/backup-scale/inventory.ts';
import type { PlainGraphTarget } from '../../backend/test/backup-scale/plain-graph.ts';
import type { CeilingOptions } from './ceiling.ts';

/** What the warm-up process is sent over its IPC channel. */
export interface WarmUpRequest {
  target: PlainGraphTarget;
  inventory: readonly InventoryItem[];
  options: CeilingOptions;
}

export async function warmUpElsewhere(request: WarmUpRequest): Promise<void> {
  // No inherited execArgv: a `--cpu-prof` or `--heap-prof` given to the benchmark is for the engine.
  const child = fork(fileURLToPath(new URL('./warm-up-process.ts', import.meta.url)), [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.send(request);
  const code = await exited;
  if (code !== 0) throw new Error(`the warm-up process exited with ${String(code)}`);
}
