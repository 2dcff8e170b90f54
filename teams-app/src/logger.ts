import { pino, type Logger } from 'pino';
import { redactSecrets } from './secret-redaction.js';

/** The product's logger: every line, at every level and from every child, leaves with its secrets redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'custodia' }, hooks: { streamWrite: redactSecrets } };
  return destination ? pino(options, destination) : pino(options);
}
