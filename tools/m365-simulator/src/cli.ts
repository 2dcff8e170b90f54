#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './faults.js';
import { startSimulator, type StartSimulatorOptions } from './simulator.js';
import { APP_ROLES } from './identity/token-endpoint.js';
import { reportConformance } from './conformance-report.js';

const USAGE = `Uso / usage: npm run simulator -- [--port 5080] [--tenant demo|FILE.json] [--time-scale 60] [--enforce-limits]
       [--faults rate503=0.1,resetRate=0.02,slowMs=200,slowRate=0.1,seed=7,forceResync=true]
       [--users 1000 --messages 1000 --files 200 --seed 7]
       [--without-mailbox-api]   (app tokens without the MailboxFolder/MailboxItem permissions: a tenant that did not consent)
       [--lenient]               (strict mode off: no shuffled $batch, full pages, no repeated delta entries, hour-long tokens)
       [--conformance]           (runs the documentation conformance tests and prints how many endpoints and examples match)`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name}: "${value}" non è un numero valido / is not a valid number\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5080' },
    tenant: { type: 'string', default: 'demo' },
    'time-scale': { type: 'string' },
    'enforce-limits': { type: 'boolean', default: false },
    faults: { type: 'string' },
    users: { type: 'string' },
    messages: { type: 'string' },
    files: { type: 'string' },
    seed: { type: 'string' },
    'without-mailbox-api': { type: 'boolean', default: false },
    lenient: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    conformance: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (values.conformance) process.exit(await reportConformance());

const users = numberOption(values.users, 'users');
const timeScale = numberOption(values['time-scale'], 'time-scale');
const options: StartSimulatorOptions = {
  port: numberOption(values.port, 'port') ?? 5080,
  tenant: values.tenant,
  enforceLimits: values['enforce-limits'] || timeScale !== undefined,
  ...(timeScale !== undefined ? { timeScale } : {}),
  ...(values.faults ? { faults: parseFaultSpec(values.faults) } : {}),
  ...(values['without-mailbox-api'] ? { appRoles: APP_ROLES.filter((role) => !role.startsWith('Mailbox')) } : {}),
  ...(values.lenient ? { strict: false } : {}),
  ...(users !== undefined
    ? {
        generate: {
          users,
          messagesPerUser: numberOption(values.messages, 'messages') ?? 100,
          filesPerUser: numberOption(values.files, 'files') ?? 20,
          seed: numberOption(values.seed, 'seed') ?? 1,
        },
      }
    : {}),
};

const started = Date.now();
const sim = await startSimulator(options);
console.log(`Simulatore Microsoft 365 pronto in ${Date.now() - started} ms / Microsoft 365 simulator ready
  GRAPH_BASE_URL=${sim.graphBaseUrl}
  AUTHORITY_HOST=${sim.authorityHost}
  tenant id:      ${sim.tenantId}
  client id:      ${sim.app.clientId}
  client secret:  ${sim.app.clientSecret}
  control API:    ${sim.url}/_sim/users, /_sim/counters, /_sim/outbox`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.stop().then(() => process.exit(0));
  });
}
