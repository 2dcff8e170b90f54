import type { BackupJob } from '@custodia/backend/backup/index';
import { overrunRemedies } from '@custodia/backend/licences/index';
import { confirmRunCard } from './cards/confirm-run-card.js';
import { helpCard } from './cards/help-card.js';
import { formatTime, jobsCard } from './cards/jobs-card.js';
import { licenceCard } from './cards/licence-card.js';
import { restoresCard } from './cards/restore-cards.js';
import { runCard } from './cards/run-card.js';
import { commandTexts } from './command-texts.js';
import type { Command } from './commands.js';
import { matchJobName } from './job-names.js';
import { may } from './people.js';
import { refusal } from './refusals.js';
import { requesterIdsOf, restoreWhere } from './restore-where.js';
import { runCardData } from './run-card-data.js';
import type { BotServices } from './services.js';
import type { BotReply, BotTurn } from './turn.js';

/** Answers a chat command, checking the person's portal role first. */
export async function answerCommand(services: BotServices, turn: BotTurn, command: Command): Promise<BotReply> {
  const { person } = turn;
  switch (command.kind) {
    case 'help':
      return { card: helpCard(person.language) };
    case 'unknown':
      return {
        card: helpCard(person.language, commandTexts.text('notUnderstood', { text: command.text }, person.language)),
      };
    case 'jobs':
      return may(person, 'jobs.read') ? listJobs(services, turn) : { text: refusal(person, 'see_jobs') };
    case 'status':
      if (!may(person, 'jobs.read')) return { text: refusal(person, 'see_jobs') };
      return command.jobName === undefined ? listJobs(services, turn) : jobStatus(services, turn, command.jobName);
    case 'run':
      return may(person, 'jobs.manage')
        ? confirmRun(services, turn, command.jobName)
        : { text: refusal(person, 'run_jobs') };
    case 'licences':
      return may(person, 'licence.read') ? licences(services, turn) : { text: refusal(person, 'see_licences') };
    case 'restores':
      return restores(services, turn);
  }
}

async function listJobs(services: BotServices, { person }: BotTurn): Promise<BotReply> {
  const jobs = await services.jobs.list(person.tenantId);
  const runs = await services.product.latestRuns(
    person.tenantId,
    jobs.map((job) => job.jobId),
  );
  const summaries = jobs.map((job) => {
    const run = runs.get(job.jobId);
    return {
      name: job.name,
      dailyTime: job.dailyTime,
      timeZone: job.timeZone,
      lastRun: run ? { status: run.status, at: run.finishedAt ?? run.startedAt ?? run.queuedAt } : null,
    };
  });
  return { card: jobsCard(summaries, person.language) };
}

type Resolved = { job: BackupJob; typo: boolean } | { reply: BotReply };

/** The job a person named, or a reply saying which names exist or which ones they may have meant. */
async function resolveJob(services: BotServices, { person }: BotTurn, typed: string): Promise<Resolved> {
  const t = commandTexts.in(person.language);
  const jobs = await services.jobs.list(person.tenantId);
  const match = matchJobName(typed, jobs);
  if (match.kind === 'exact' || match.kind === 'close') return { job: match.job, typo: match.kind === 'close' };
  if (match.kind === 'ambiguous') {
    const names = match.candidates.map((job) => `"${job.name}"`).join(', ');
    return { reply: { text: t.whichJob({ typed, names }) } };
  }
  const names = jobs.map((job) => `"${job.name}"`).join(', ');
  const known = names === '' ? t.noJobs : t.jobsAre({ names });
  return { reply: { text: t.jobNotFound({ typed, known }) } };
}

async function confirmRun(services: BotServices, turn: BotTurn, typed: string): Promise<BotReply> {
  const resolved = await resolveJob(services, turn, typed);
  if ('reply' in resolved) return resolved.reply;
  const { job, typo } = resolved;
  const t = commandTexts.in(turn.person.language);
  const scope =
    job.scope.type === 'organisation' ? t.wholeOrganisation : t.groups({ count: job.scope.groupIds.length });
  return {
    card: confirmRunCard(
      { jobId: job.jobId, jobName: job.name, workloads: job.workloads, scope, ...(typo && { typed }) },
      turn.person.language,
    ),
  };
}

async function jobStatus(services: BotServices, turn: BotTurn, typed: string): Promise<BotReply> {
  const resolved = await resolveJob(services, turn, typed);
  if ('reply' in resolved) return resolved.reply;
  const { person } = turn;
  const latest = (await services.product.latestRuns(person.tenantId, [resolved.job.jobId])).get(resolved.job.jobId);
  const run = latest && (await services.engine.run(person.tenantId, latest.runId));
  if (!run) {
    return { text: commandTexts.text('neverRun', { name: resolved.job.name }, person.language) };
  }
  const data = await runCardData(services, run, turn.conversationId, may(person, 'jobs.manage'));
  return { card: runCard(data, person.language) };
}

async function licences(services: BotServices, { person }: BotTurn): Promise<BotReply> {
  const usage = await services.product.licenceUsage(person.tenantId);
  if (!usage.licensed) {
    return { text: commandTexts.text('noLicence', {}, person.language) };
  }
  return {
    card: licenceCard(
      {
        plans: usage.plans,
        unlicensed: usage.unlicensed,
        storage: usage.storage,
        overrun: usage.overrun,
        remedies: overrunRemedies,
        licencesUrl: services.links.licences(),
      },
      person.language,
    ),
  };
}

/** Portal users who may read the restores list (`restores.read`) see every restore; anyone else of the tenant sees their own. */
async function restores(services: BotServices, { person }: BotTurn): Promise<BotReply> {
  if (person.role === null) return { text: refusal(person, 'see_jobs') };
  const everyone = may(person, 'restores.read');
  const objectId = person.aadObjectId;
  if (!everyone && objectId === undefined) {
    return { text: commandTexts.text('accountUnknown', {}, person.language) };
  }
  const requesters = everyone || objectId === undefined ? undefined : requesterIdsOf(objectId);
  const requests = await services.product.restores.newest(person.tenantId, 5, requesters);
  const summaries = requests.map((request) => ({
    requestedAt: formatTime(request.requestedAt, 'Europe/Rome', person.language),
    status: request.status,
    restored: request.progress.restored,
    total: request.progress.total,
    where: restoreWhere(request, person.language),
  }));
  return { card: restoresCard(summaries, person.language) };
}
