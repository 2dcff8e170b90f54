// The tenant simulator in a process of its own, for bench/backup.ts: real Graph builds MIME, compresses export
// streams and generates nothing on the backup's machine, so the benchmark keeps that work (and the tenant's memory)
// out of the engine's process. Started with StartSimulatorOptions as JSON in argv; reports where it listens over
// the IPC channel; stops when the benchmark disconnects (or dies).
import { startSimulator, type StartSimulatorOptions } from '../../tools/m365-simulator/dist/index.js';
import type { SimulatorEndpoint } from './simulator-host.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as StartSimulatorOptions;
const sim = await startSimulator(options);
const endpoint: SimulatorEndpoint = {
  url: sim.url,
  graphBaseUrl: sim.graphBaseUrl,
  authorityHost: sim.authorityHost,
  tenantId: sim.tenantId,
  app: { clientId: sim.app.clientId, clientSecret: sim.app.clientSecret },
};
process.send?.(endpoint);
process.once('disconnect', () => {
  void sim.stop().finally(() => process.exit(0));
});
