import type { RunView } from '@custodia/backend/backup/index';
import { runErrorOf } from '@custodia/backend/run-errors/run-error-texts';
import { localDay } from './alert-store.js';
import type { RunCardData } from './cards/run-card.js';
import type { BotServices } from './services.js';

/** Everything a run card shows, read from the engine: progress, failed accounts and why, the mute. */
export async function runCardData(
  services: BotServices,
  run: RunView,
  conversationId: string,
  canManage: boolean,
): Promise<RunCardData> {
  const { engine, jobs, links, stores } = services;
  const [units, job] = await Promise.all([engine.runUnits(run.tenantId, run.runId), jobs.get(run.tenantId, run.jobId)]);
  const day = localDay(new Date(), job?.timeZone ?? 'Europe/Rome');
  return {
    jobId: run.jobId,
    jobName: run.jobName,
    runId: run.runId,
    status: run.status,
    resourcesTotal: run.progress.resourcesTotal,
    resourcesDone: run.progress.resourcesDone,
    resourcesFailed: run.progress.resourcesFailed,
    items: run.progress.items,
    bytes: run.progress.bytes,
    warnings: run.progress.warnings,
    failures: units
      .filter((unit) => unit.status === 'failed')
      .map((unit) => ({ resource: unit.displayName, reason: unit.error ?? run.error ?? 'unknown error' })),
    reason: runErrorOf(run),
    logUrl: links.jobLog(run.jobId, run.runId),
    canManage,
    mutedToday: await stores.alerts.isJobMuted(run.tenantId, run.jobId, conversationId, day),
  };
}
