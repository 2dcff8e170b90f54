import { z } from 'zod';
import type { Bilingual, Language } from '../language/language.js';
import { counted } from '../language/quantities.js';
import { runErrorOf } from '../run-errors/run-error-texts.js';
import { iso, isoOrNull } from '../http/schemas.js';
import type { BackupRun, RunProgress, RunUnit, RunView, UnitWarning } from '../backup/model.js';
import { isKnownWarning, warningText } from '../backup-unit/warning-texts.js';

export const runStatuses = ['queued', 'running', 'succeeded', 'warning', 'failed'] as const;

export const progressSchema = z.strictObject({
  resourcesTotal: z.number().int(),
  resourcesDone: z.number().int(),
  resourcesFailed: z.number().int(),
  items: z.number().int(),
  bytes: z.number().int(),
  deletions: z.number().int(),
  warnings: z.number().int(),
});

export const runSummarySchema = z.strictObject({
  id: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  requestedBy: z.string(),
  status: z.enum(runStatuses),
  queuedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});

const bilingualSchema = z.strictObject({ it: z.string(), en: z.string() });

export const resourceOutcomeSchema = z.strictObject({
  resourceId: z.string(),
  kind: z.enum(['mailbox', 'onedrive', 'sharepoint', 'team']),
  displayName: z.string(),
  workloads: z.array(z.string()),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  attempts: z.number().int(),
  items: z.number().int(),
  bytes: z.number().int(),
  deletions: z.number().int(),
  warnings: z.array(z.strictObject({ message: bilingualSchema, itemId: z.string().optional() })),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const runDetailSchema = runSummarySchema.extend({
  progress: progressSchema,
  summary: bilingualSchema,
  resources: z.array(resourceOutcomeSchema),
});

export function runSummary(run: BackupRun): z.input<typeof runSummarySchema> {
  return {
    id: run.runId,
    jobId: run.jobId,
    jobName: run.jobName,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    status: run.status,
    queuedAt: iso(run.queuedAt),
    startedAt: isoOrNull(run.startedAt ?? undefined),
    finishedAt: isoOrNull(run.finishedAt ?? undefined),
    error: run.error,
  };
}

/** A run with each account's outcome; every sentence in both languages, so the portal switches without a reload. */
export function runDetail(run: RunView, units: readonly RunUnit[]): z.input<typeof runDetailSchema> {
  return {
    ...runSummary(run),
    progress: run.progress,
    summary: plainSummary(run.status, run.progress, runErrorOf(run)),
    resources: units.map((unit) => ({
      resourceId: unit.resourceId,
      kind: unit.resourceKind,
      displayName: unit.displayName,
      workloads: unit.workloads,
      status: unit.status,
      attempts: unit.attempts,
      items: unit.items,
      bytes: unit.bytes,
      deletions: unit.deletions,
      warnings: unit.warnings.map((warning) => ({
        message: { it: warningMessage(warning, 'it'), en: warningMessage(warning, 'en') },
        ...(warning.itemId !== undefined && { itemId: warning.itemId }),
      })),
      error: unit.error,
      startedAt: isoOrNull(unit.startedAt ?? undefined),
      finishedAt: isoOrNull(unit.finishedAt ?? undefined),
    })),
  };
}

/** A warning in the reader's language; one recorded before codes (or by a newer version) as it was recorded. */
export function warningMessage(warning: UnitWarning, language: Language): string {
  return warning.notice && isKnownWarning(warning.notice) ? warningText(warning.notice, language) : warning.message;
}

/** One sentence per language saying how the run went, for the job log, with why it did not proceed when it did not. */
export function plainSummary(status: BackupRun['status'], p: RunProgress, reason: Bilingual | null = null): Bilingual {
  const counts = {
    it: `${counted(p.resourcesDone, ['account salvato', 'account salvati'], 'it')} su ${p.resourcesTotal}, ${counted(p.items, ['elemento', 'elementi'], 'it')}, ${counted(p.warnings, ['avviso', 'avvisi'], 'it')}, ${counted(p.resourcesFailed, ['account non salvato', 'account non salvati'], 'it')}.`,
    en: `${p.resourcesDone} of ${counted(p.resourcesTotal, ['account', 'accounts'], 'en')} backed up, ${counted(p.items, ['item', 'items'], 'en')}, ${counted(p.warnings, ['warning', 'warnings'], 'en')}, ${counted(p.resourcesFailed, ['account', 'accounts'], 'en')} not backed up.`,
  };
  const opening: Record<BackupRun['status'], Bilingual> = {
    queued: { it: 'Il backup è in coda.', en: 'The backup is queued.' },
    running: { it: 'Il backup è in corso:', en: 'The backup is running:' },
    succeeded: { it: 'Backup completato correttamente:', en: 'Backup completed successfully:' },
    warning: {
      it: 'Backup completato con avvisi: controlla gli account indicati.',
      en: 'Backup completed with warnings: check the accounts listed.',
    },
    failed: {
      it: 'Backup non riuscito: controlla gli errori indicati.',
      en: 'Backup failed: check the errors listed.',
    },
  };
  if (status === 'queued') return opening.queued;
  const why = (label: string, text: string | undefined) => (text ? ` ${label}: ${text.replace(/\.$/, '')}.` : '');
  return {
    it: `${opening[status].it} ${counts.it}${why('Motivo', reason?.it)}`,
    en: `${opening[status].en} ${counts.en}${why('Reason', reason?.en)}`,
  };
}
