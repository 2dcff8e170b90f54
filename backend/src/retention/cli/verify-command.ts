import { parseArgs } from 'node:util';
import type { Db } from 'mongodb';
import type { PackBackend, StoreFinding } from '../../store/index.js';
import { verifyTenants, type TenantVerifyReport } from '../verify-tenant.js';

export interface CommandContext {
  readonly db: Db;
  readonly backend: PackBackend;
  readonly masterKey: Buffer;
  /** Where the report goes, line by line. */
  readonly print: (line: string) => void;
}

export const VERIFY_USAGE = [
  'usage: npm run custodia -- verify [--tenant <tenantId>] [--read-data] [--sample <fraction>]',
  '  --tenant     only this tenant / solo questo tenant',
  '  --read-data  read every pack, decrypt every blob and check its hash / leggi ogni pack e verifica ogni blob',
  '  --sample     with --read-data, the share of packs read, 0 to 1 (default 1) / quota di pack letti',
].join('\n');

/** The arguments were wrong; the message says which, in both languages. */
export class UsageError extends Error {}

export interface VerifyArguments {
  readonly tenantId?: string;
  readonly sample: number;
}

export function parseVerifyArguments(args: readonly string[]): VerifyArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { tenant: { type: 'string' }, 'read-data': { type: 'boolean' }, sample: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${VERIFY_USAGE}`);
  }
  // Without --read-data only references and pack indexes are checked: quick enough for every day.
  const sample = !values['read-data'] ? 0 : values.sample === undefined ? 1 : Number(values.sample);
  if (values.sample !== undefined && !values['read-data']) {
    throw new UsageError(`--sample needs --read-data / --sample richiede --read-data\n${VERIFY_USAGE}`);
  }
  if (!Number.isFinite(sample) || sample < 0 || sample > 1) {
    throw new UsageError(
      `--sample must be a number from 0 to 1 / --sample deve essere un numero da 0 a 1 (got ${values.sample})`,
    );
  }
  return { ...(values.tenant !== undefined && { tenantId: values.tenant }), sample };
}

/** Runs `verify` and prints its report; answers the exit code: 0 when intact, 1 on any problem. */
export async function runVerifyCommand(context: CommandContext, args: readonly string[]): Promise<number> {
  const { tenantId, sample } = parseVerifyArguments(args);
  const report = await verifyTenants({
    db: context.db,
    backend: context.backend,
    masterKey: context.masterKey,
    ...(tenantId !== undefined && { tenantId }),
    sample,
  });
  printReport(context.print, report, context.backend.location);
  return report.problems.length === 0 ? 0 : 1;
}

function printReport(print: (line: string) => void, report: TenantVerifyReport, location: string): void {
  print(`store / archivio: ${location}`);
  print(
    `tenants ${report.tenants}, packs ${report.packs} (${report.packsRead} read in full / letti per intero), ` +
      `blobs ${report.blobs}, bytes ${report.bytes}`,
  );
  print(
    `catalog references / riferimenti del catalogo: ${report.referencedBlobs} blobs, ` +
      `${report.missingBlobs} missing / mancanti, ${report.damagedVersions} versions unreadable / versioni illeggibili`,
  );
  for (const notice of report.notices) print(`notice / avviso: ${describe(notice)}`);
  for (const problem of report.problems) print(`PROBLEM / PROBLEMA: ${describe(problem)}`);
  print(
    report.problems.length === 0
      ? 'the store is intact / l’archivio è integro'
      : `${report.problems.length} problem(s) found / problemi trovati: ${report.problems.length}`,
  );
}

function describe(finding: StoreFinding): string {
  return `[${finding.tenantId}] ${finding.text.en} / ${finding.text.it}`;
}
