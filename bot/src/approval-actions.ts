import { actorOf } from './actor.js';
import { approvalFacts } from './approval-data.js';
import { approvalActionTexts } from './approval-texts.js';
import type { ApprovalDelivery } from './approval-delivery.js';
import { approvalCard, maxApprovalNoteLength } from './cards/approval-cards.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { adaptiveCard, paragraph } from './cards/elements.js';
import { may, type BotPerson } from './people.js';
import { refusal } from './refusals.js';
import type { BotServices } from './services.js';

export interface ApprovalActionContext {
  services: BotServices;
  approvals: ApprovalDelivery;
  person: BotPerson;
}

/**
 * "Approve" / "Reject" on an approval card: decided through the restore service with the presser's identity, as the
 * portal's `POST /approvals/:id` does, and written to the activity log the same way.
 */
export async function decideRestore(
  context: ApprovalActionContext,
  restoreId: string,
  approve: boolean,
  typedNote: string,
): Promise<AdaptiveCard> {
  const { services, person } = context;
  if (!may(person, 'approvals.manage'))
    return currentApprovalCard(context, restoreId, refusal(person, 'decide_restores'));
  if (!services.approvals) return unavailableCard(person);
  const note = typedNote.trim().slice(0, maxApprovalNoteLength);
  const decidedBy = person.portalEmail ?? person.email ?? person.aadObjectId ?? person.id;
  const { restores } = services.approvals;
  const t = approvalActionTexts.in(person.language);
  if (!(await services.stores.approvals.claimDecision(person.tenantId, restoreId, decidedBy))) {
    const stillWaiting = (await restores.get(person.tenantId, restoreId))?.status === 'awaitingApproval';
    return currentApprovalCard(context, restoreId, stillWaiting ? t.decidingNow : t.alreadyDecided);
  }
  let decided;
  try {
    decided = await restores.decide(person.tenantId, restoreId, {
      approve,
      decidedBy,
      ...(note !== '' && { note }),
    });
  } catch (error) {
    await services.stores.approvals.releaseDecision(person.tenantId, restoreId);
    throw error;
  }
  if (!decided) return currentApprovalCard(context, restoreId, t.alreadyDecided);
  await services.activity.append(person.tenantId, await actorOf(services, person), {
    action: approve ? 'restore.approved' : 'restore.rejected',
    target: { type: 'restore', id: restoreId, label: decided.requestedBy },
    details: { note: note === '' ? null : note, via: 'teams' },
  });
  await context.approvals.settle(person.tenantId, restoreId);
  return currentApprovalCard(context, restoreId);
}

/** The approval card as this reader should see it now: buttons only while it waits and only for approvers. */
export async function currentApprovalCard(
  context: ApprovalActionContext,
  restoreId: string,
  notice?: string,
): Promise<AdaptiveCard> {
  const { services, person } = context;
  const request = await services.product.restores.get(person.tenantId, restoreId);
  if (!request?.approval) {
    return adaptiveCard([paragraph(approvalActionTexts.text('gone', {}, person.language))]);
  }
  const facts = await approvalFacts(services.product, request, person.language);
  const canDecide = may(person, 'approvals.manage') && services.approvals !== undefined;
  return approvalCard({ ...facts, canDecide, ...(notice !== undefined && { notice }) }, person.language);
}

function unavailableCard(person: BotPerson): AdaptiveCard {
  return adaptiveCard([
    paragraph(approvalActionTexts.text('unavailable', {}, person.language), { color: 'Attention' }),
  ]);
}
