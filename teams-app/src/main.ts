import { ConfigError } from './config-error.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startApp } from './app.js';
import { installLastResortGuard } from './last-resort-guard.js';
import { readyLine } from './ready-line.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
installLastResortGuard(logger);
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const app = await startApp(config, logger, { onProgress: say }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Custodia could not start');
  process.exit(1);
});
say(readyLine(app));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining running jobs, then stopping');
  await app.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
