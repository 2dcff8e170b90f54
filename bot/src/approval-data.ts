import type { ProtectedResource } from '@custodia/backend/catalog/index';
import type { RestoreRequest, RestoreSelection } from '@custodia/backend/restore-model/model';
import { approvalActionTexts } from './approval-texts.js';
import type { ApprovalCardData, ApprovalDecision } from './cards/approval-cards.js';
import { formatTime } from './cards/jobs-card.js';
import type { Language } from './language.js';
import { requesterObjectId, restoreWhere } from './restore-where.js';
import type { ProductReads } from './services.js';

/** Versions read one by one (each by `_id`, the one filter FerretDB pushes down) to name the accounts touched. */
const versionsSampled = 20;
const cardTimeZone = 'Europe/Rome';

/** What an approval card shows of a restore, in the reader's language; the reader's permission is added later. */
export type ApprovalFacts = Omit<ApprovalCardData, 'canDecide' | 'notice'>;

export async function approvalFacts(
  product: ProductReads,
  request: RestoreRequest,
  language: Language,
): Promise<ApprovalFacts> {
  const { tenantId } = request;
  const requesterId = requesterObjectId(request.requestedBy);
  const resourceIds = await resourcesOf(product, tenantId, request.selection);
  const resources = await product.resources(tenantId, resourceIds, requesterId);
  const owner = resources.find((resource) => resource.ownerUserId === requesterId && resource.ownerEmail);
  return {
    restoreId: request.restoreId,
    requester: owner ? `${owner.displayName} (${owner.ownerEmail})` : requesterId,
    accounts: resources
      .filter((resource) => resourceIds.includes(resource.resourceId))
      .map((resource) => accountName(resource, language)),
    itemCount: request.selection.type === 'versions' ? request.selection.versionIds.length : null,
    where: restoreWhere(request, language),
    requestedAt: formatTime(request.requestedAt, cardTimeZone, language),
    decision: await decisionOf(product, request, language),
  };
}

async function decisionOf(
  product: ProductReads,
  request: RestoreRequest,
  language: Language,
): Promise<ApprovalDecision | null> {
  const approval = request.approval;
  if (!approval || approval.decision === 'pending') return null;
  return {
    outcome: approval.decision,
    by: await personName(product, request.tenantId, approval.decidedBy ?? ''),
    at: approval.decidedAt ? formatTime(approval.decidedAt, cardTimeZone, language) : '-',
    note: approval.note,
  };
}

/** Deciders are recorded by email (as the portal does); their portal name reads better when there is one. */
async function personName(product: ProductReads, tenantId: string, email: string): Promise<string> {
  const user = await product.portalUserByEmail(tenantId, email);
  return user && user.name !== email ? `${user.name} (${email})` : email;
}

function accountName(resource: ProtectedResource, language: Language): string {
  const kind =
    resource.kind === 'onedrive'
      ? 'OneDrive'
      : resource.kind === 'mailbox'
        ? approvalActionTexts.text('mail', {}, language)
        : '';
  return kind === '' ? resource.displayName : `${kind}: ${resource.displayName}`;
}

async function resourcesOf(product: ProductReads, tenantId: string, selection: RestoreSelection): Promise<string[]> {
  switch (selection.type) {
    case 'folder':
    case 'resource':
      return [selection.resourceId];
    case 'search':
      return selection.resourceIds ?? [];
    case 'versions': {
      const found = new Set<string>();
      for (const id of selection.versionIds.slice(0, versionsSampled)) {
        const resourceId = await product.resourceOfVersion(tenantId, id);
        if (resourceId !== null) found.add(resourceId);
      }
      return [...found];
    }
  }
}
