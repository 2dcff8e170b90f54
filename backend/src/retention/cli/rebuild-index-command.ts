import { parseArgs } from 'node:util';
import { rebuildIndex } from '../../store/index.js';
import { acquireMaintenanceLease } from '../tenant-maintenance.js';
import { UsageError, type CommandContext } from './verify-command.js';

/** Well inside the maintenance lease's 30 minutes, so that a long rebuild keeps the lease. */
const RENEW_EVERY_MS = 5 * 60_000;

export const REBUILD_INDEX_USAGE = [
  'usage: npm run custodia -- rebuild-index --tenant <tenantId>',
  '  rebuilds the tenant\'s index files from its pack headers (FORMAT.md, "Rebuilding the index")',
  '  ricostruisce i file indice del tenant dalle intestazioni dei pack',
].join('\n');

export function parseRebuildIndexArguments(args: readonly string[]): { readonly tenantId: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: { tenant: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${REBUILD_INDEX_USAGE}`);
  }
  if (values.tenant === undefined)
    throw new UsageError(`--tenant is required / --tenant è obbligatorio\n${REBUILD_INDEX_USAGE}`);
  return { tenantId: values.tenant };
}

/**
 * Runs `rebuild-index` under the tenant's maintenance lease, so that no garbage collection deletes a pack while the
 * rebuild lists it. Answers the exit code: 0 done, 1 some pack headers did not open or the lease was lost meanwhile
 * (run it again), 2 the tenant is being maintained.
 */
export async function runRebuildIndexCommand(context: CommandContext, args: readonly string[]): Promise<number> {
  const { tenantId } = parseRebuildIndexArguments(args);
  const lease = await acquireMaintenanceLease(context.db, `custodia-cli-${process.pid}`, tenantId);
  if (!lease) {
    context.print(
      `tenant ${tenantId} is being maintained right now: try again later / ` +
        `il tenant ${tenantId} è in manutenzione: riprovare più tardi`,
    );
    return 2;
  }
  let lost: unknown;
  const renewal = setInterval(() => {
    lease.renew().catch((error: unknown) => {
      lost ??= error;
    });
  }, RENEW_EVERY_MS);
  try {
    const report = await rebuildIndex({ backend: context.backend, masterKey: context.masterKey, tenantId });
    context.print(`store / archivio: ${context.backend.location}`);
    context.print(
      `[${tenantId}] packs ${report.packs}, blobs ${report.blobs} indexed / indicizzati; ` +
        `${report.indexFilesReplaced} index file(s) replaced / file indice sostituiti; ` +
        `${report.unreadablePacks} pack(s) whose header does not open / pack con intestazione illeggibile`,
    );
    if (lost !== undefined) {
      context.print(
        `the maintenance lease was lost during the rebuild: run it again / ` +
          `il lease di manutenzione è andato perso durante la ricostruzione: ripeterla`,
      );
    }
    return report.unreadablePacks === 0 && lost === undefined ? 0 : 1;
  } finally {
    clearInterval(renewal);
    await lease.release();
  }
}
