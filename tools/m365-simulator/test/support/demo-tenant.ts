import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appGraph, type SimGraph } from './clients.js';

/** The simulated demo tenant as the tests of one file see it. */
export interface DemoTenant {
  sim: RunningSimulator;
  /** A Graph client for the simulator's app registration. */
  graph: SimGraph;
  /** The demo user whose mailbox (a weekly series, a single event, contacts) the tests read and write. */
  userId: string;
}

/**
 * Starts the simulator before the calling file's tests and stops it after them. The fields are set by that
 * `beforeAll`, so read them inside tests, not when the file is loaded.
 */
export function simulatedDemoTenant(): DemoTenant {
  const tenant = {} as DemoTenant;
  beforeAll(async () => {
    tenant.sim = await startSimulator();
    tenant.graph = await appGraph(tenant.sim);
    tenant.userId = tenant.sim.control.listUsers()[5]?.id ?? '';
  });
  afterAll(async () => {
    await tenant.sim.stop();
  });
  return tenant;
}
