import { redactSecrets } from './secret-redaction.js';

/**
 * A start-up configuration that is not valid, with every problem named. Apart from config.ts so that the worker-only
 * process (worker.ts, worker-config.ts, content-store.ts) does not load the product's configuration, which imports the
 * whole HTTP API to validate its settings: 60 MB of the worker's resident memory at start went to modules it never ran.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Custodia cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const secretVariables = new Set([
  'BOT_APP_PASSWORD',
  'GRAPH_CLIENT_SECRET',
  'CUSTODIA_MASTER_KEY',
  'STORE_AZURE_CONNECTION_STRING',
]);

/** A bad value as a start-up error shows it: secrets are not repeated, nor a password inside a URI. */
export function shownValue(environment: NodeJS.ProcessEnv, name: string): string {
  return JSON.stringify(secretVariables.has(name) ? '(hidden)' : redactSecrets(environment[name] ?? ''));
}
