import { actionTexts } from './action-texts.js';
import { actorOf } from './actor.js';
import { localDay } from './alert-store.js';
import { currentApprovalCard, decideRestore } from './approval-actions.js';
import type { ApprovalDelivery } from './approval-delivery.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { cancelledRunCard } from './cards/confirm-run-card.js';
import { adaptiveCard, paragraph } from './cards/elements.js';
import { runCard } from './cards/run-card.js';
import { may } from './people.js';
import { refusal, setupIncomplete } from './refusals.js';
import { runCardData } from './run-card-data.js';
import type { RunProgressUpdates } from './run-progress.js';
import type { BotServices } from './services.js';
import type { BotTurn } from './turn.js';
import { verbs } from './verbs.js';

/** A pressed `Action.Execute` button. */
export interface CardActionRequest {
  verb: string;
  data: Record<string, unknown>;
  /** The activity that carries the card, so later progress can update it in place. */
  cardActivityId: string | undefined;
}

export interface ActionContext {
  services: BotServices;
  progress: RunProgressUpdates;
  approvals: ApprovalDelivery;
  turn: BotTurn;
}

/** Answers a button press with the card that replaces the pressed one. */
export async function answerCardAction(context: ActionContext, action: CardActionRequest): Promise<AdaptiveCard> {
  const { person } = context.turn;
  const jobId = stringField(action.data, 'jobId');
  const runId = stringField(action.data, 'runId');
  const restoreId = stringField(action.data, 'restoreId');
  const approvalContext = { services: context.services, approvals: context.approvals, person };
  switch (action.verb) {
    case verbs.approveRestore:
    case verbs.rejectRestore:
      return decideRestore(
        approvalContext,
        restoreId,
        action.verb === verbs.approveRestore,
        stringField(action.data, 'note'),
      );
    case verbs.refreshApproval:
      return currentApprovalCard(approvalContext, restoreId);
    case verbs.confirmRun:
    case verbs.runAgain:
      if (!may(person, 'jobs.manage')) return refusedCard(context, runId, refusal(person, 'run_jobs'));
      return startRun(context, jobId, action.cardActivityId);
    case verbs.cancelRun: {
      const job = await context.services.jobs.get(person.tenantId, jobId);
      return cancelledRunCard(job?.name ?? jobId, person.language);
    }
    case verbs.refreshRun:
      return currentRunCard(context, runId);
    case verbs.muteJob:
      if (!may(person, 'jobs.manage')) return refusedCard(context, runId, refusal(person, 'mute_jobs'));
      return muteJob(context, jobId, runId);
    default:
      return adaptiveCard([paragraph(actionTexts.text('staleButton', {}, person.language))]);
  }
}

async function startRun(
  context: ActionContext,
  jobId: string,
  cardActivityId: string | undefined,
): Promise<AdaptiveCard> {
  const { services, turn } = context;
  const { person } = turn;
  const job = await services.jobs.get(person.tenantId, jobId);
  if (!job) {
    return adaptiveCard([paragraph(actionTexts.text('jobGone', {}, person.language), { color: 'Attention' })]);
  }
  const outcome = await services.requestRun({
    tenantId: person.tenantId,
    jobId,
    actor: await actorOf(services, person),
    requestedBy: `teams:${person.aadObjectId ?? person.id}`,
  });
  if ('setupMissing' in outcome) {
    return adaptiveCard([paragraph(setupIncomplete(person, outcome.setupMissing), { color: 'Attention' })]);
  }
  const { started } = outcome;
  if (cardActivityId !== undefined) {
    const record = { tenantId: person.tenantId, runId: started.runId, conversationId: turn.conversationId };
    await services.stores.alerts.recordRunCard({ ...record, activityId: cardActivityId, postedAt: new Date() });
    context.progress.watch({ ...record, activityId: cardActivityId, language: person.language, canManage: true });
  }
  return currentRunCard(context, started.runId);
}

async function currentRunCard(context: ActionContext, runId: string, notice?: string): Promise<AdaptiveCard> {
  const { services, turn } = context;
  const { person } = turn;
  const run = await services.engine.run(person.tenantId, runId);
  if (!run) {
    return adaptiveCard([paragraph(actionTexts.text('runNotFound', {}, person.language))]);
  }
  const data = await runCardData(services, run, turn.conversationId, may(person, 'jobs.manage'));
  return runCard({ ...data, ...(notice !== undefined && { notice }) }, person.language);
}

async function refusedCard(context: ActionContext, runId: string, why: string): Promise<AdaptiveCard> {
  return runId === '' ? adaptiveCard([paragraph(why, { color: 'Attention' })]) : currentRunCard(context, runId, why);
}

async function muteJob(context: ActionContext, jobId: string, runId: string): Promise<AdaptiveCard> {
  const { services, turn } = context;
  const { person } = turn;
  const job = await services.jobs.get(person.tenantId, jobId);
  const day = localDay(new Date(), job?.timeZone ?? 'Europe/Rome');
  await services.stores.alerts.muteJobForDay({
    tenantId: person.tenantId,
    jobId,
    conversationId: turn.conversationId,
    day,
    mutedBy: person.aadObjectId ?? person.id,
  });
  return currentRunCard(context, runId, actionTexts.text('mutedUntilMidnight', {}, person.language));
}

function stringField(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value : '';
}
