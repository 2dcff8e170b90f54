// Where the benchmark's tenant simulator runs: in its own process (default), so that the engine's CPU profile and
// peak RSS are the engine's alone, or in the benchmark's process (`--simulator in-process`) for comparison with
// earlier figures. Either way the benchmark reaches it only over HTTP: Graph, and `/_sim` for its control surface.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The control client alone, and the simulator itself only when it runs here: its index loads the whole simulator
// (routes, tenant model, token service), which would be counted in the engine's memory while it runs elsewhere.
import { RemoteSimulatorControl } from '../../tools/m365-simulator/dist/control-client.js';
import type { StartSimulatorOptions } from '../../tools/m365-simulator/dist/index.js';

/** What a client needs of a running simulator: its addresses and the app registration's credentials. */
export interface SimulatorEndpoint {
  url: string;
  graphBaseUrl: string;
  authorityHost: string;
  tenantId: string;
  app: { clientId: string; clientSecret: string };
}

export interface BenchSimulator extends SimulatorEndpoint {
  control: RemoteSimulatorControl;
  /**
   * The simulator process's peak resident memory (VmHWM) since it started or since resetPeakRss(), in MB; null when
   * the simulator runs in this process (its memory is then in the benchmark's own figures).
   */
  peakRssMB(): number | null;
  /** Starts the simulator process's peak over (Linux: "5" to /proc/<pid>/clear_refs); nothing where unsupported. */
  resetPeakRss(): void;
  stop(): Promise<void>;
}

export type SimulatorPlacement = 'process' | 'in-process';

export async function startBenchSimulator(
  placement: SimulatorPlacement,
  options: StartSimulatorOptions,
): Promise<BenchSimulator> {
  if (placement === 'in-process') {
    const { startSimulator } = await import('../../tools/m365-simulator/dist/index.js');
    const sim = await startSimulator(options);
    return {
      ...endpointOf(sim),
      control: new RemoteSimulatorControl(sim.url),
      peakRssMB: () => null,
      resetPeakRss: () => undefined,
      stop: () => sim.stop(),
    };
  }
  // No inherited execArgv: a `--cpu-prof` given to the benchmark profiles the engine, not the simulator.
  const child = fork(fileURLToPath(new URL('./simulator-process.ts', import.meta.url)), [JSON.stringify(options)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const endpoint = await new Promise<SimulatorEndpoint>((resolve, reject) => {
    child.once('message', (message) => resolve(message as SimulatorEndpoint));
    child.once('exit', (code) =>
      reject(new Error(`the simulator process exited (${String(code)}) before it was ready`)),
    );
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ...endpoint,
    control: new RemoteSimulatorControl(endpoint.url),
    peakRssMB: () => peakRssMBOf(child.pid),
    resetPeakRss: () => resetPeakRssOf(child.pid),
    stop: async () => {
      child.disconnect();
      await exited;
    },
  };
}

function endpointOf(sim: SimulatorEndpoint): SimulatorEndpoint {
  const { url, graphBaseUrl, authorityHost, tenantId, app } = sim;
  return {
    url,
    graphBaseUrl,
    authorityHost,
    tenantId,
    app: { clientId: app.clientId, clientSecret: app.clientSecret },
  };
}

/** VmHWM of a Linux process, in MB (null where /proc is not there). */
function peakRssMBOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return kilobytes ? Math.round((Number(kilobytes) * 1024) / 1e5) / 10 : null;
  } catch {
    return null;
  }
}

function resetPeakRssOf(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then counts from the process's start, which the figure's name says.
  }
}
