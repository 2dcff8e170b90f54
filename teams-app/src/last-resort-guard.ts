import type { Logger } from 'pino';

/**
 * The last resort, not the fix: one process serves the API, the bot, the portal and the workers, and a worker-only
 * process (`worker.ts`) runs the units of every run of its tenant, so an error that escaped every handler (a stream
 * error nobody listened to, a promise nobody awaited) would otherwise end all of them at once. Errors are handled
 * where they happen (an export records the broken item, a cut stream ends its own response); anything that still
 * arrives here is logged as a bug to fix, and the process keeps serving. Both entry points install this one guard.
 */
export function installLastResortGuard(logger: Pick<Logger, 'error'>, target: NodeJS.EventEmitter = process): void {
  target.on('unhandledRejection', (reason: unknown) => {
    logger.error(
      { err: reason, guard: 'unhandledRejection' },
      'a promise failed with nobody handling it; still serving',
    );
  });
  target.on('uncaughtException', (error: Error, origin: string) => {
    logger.error({ err: error, guard: origin }, 'an error escaped every handler; still serving');
  });
}
