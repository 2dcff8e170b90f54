import { formatNumber } from '@custodia/backend/language/quantities';
import type { Language } from '../language.js';
import { verbs } from '../verbs.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, execute, facts, multilineInput, paragraph, title } from './elements.js';
import { approvalTexts } from './approval-texts.js';

/** The longest note the portal's API accepts, so a note typed in Teams is never cut differently. */
export const maxApprovalNoteLength = 1_000;

export interface ApprovalDecision {
  outcome: 'approved' | 'rejected';
  /** Who decided, as a person reads it. */
  by: string;
  at: string;
  note: string | null;
}

/** A self-service restore waiting for an administrator, as the approver's card shows it. */
export interface ApprovalCardData {
  restoreId: string;
  /** Who asked, as a person reads it (name and email when known). */
  requester: string;
  /** The mailboxes and OneDrives the restore writes to. */
  accounts: string[];
  /** Known when the person picked items one by one. */
  itemCount: number | null;
  /** Where the items go, in plain words. */
  where: string;
  requestedAt: string;
  decision: ApprovalDecision | null;
  /** The reader may approve and reject (portal permission `approvals.manage`). */
  canDecide: boolean;
  /** A sentence for the reader about what just happened (a refusal, an earlier decision). */
  notice?: string;
}

/**
 * Asks an approver to approve or reject a self-service restore; once decided, the same card says what was decided
 * and by whom. Opening it asks the bot for the current view, so a decision taken in the portal shows too.
 */
export function approvalCard(data: ApprovalCardData, language: Language): AdaptiveCard {
  const t = approvalTexts.in(language);
  const body: CardElement[] = [heading(data.decision, language), facts(approvalFacts(data, language))];
  const ids = { restoreId: data.restoreId };
  if (data.decision === null) {
    body.push(paragraph(t.whyApproval, { isSubtle: true }));
  } else if (data.decision.note !== null) {
    body.push(paragraph(t.note({ note: data.decision.note })));
  }
  const undecided = data.decision === null && data.canDecide;
  if (undecided) body.push(multilineInput('note', t.noteLabel, maxApprovalNoteLength));
  if (data.decision === null && !data.canDecide) body.push(paragraph(t.decidedInPortal));
  if (data.notice !== undefined) body.push(paragraph(data.notice, { color: 'Accent' }));
  const actions = undecided
    ? [
        execute(t.approve, verbs.approveRestore, ids, 'positive'),
        execute(t.reject, verbs.rejectRestore, ids, 'destructive'),
      ]
    : [];
  return { ...adaptiveCard(body, actions), refresh: { action: execute('refresh', verbs.refreshApproval, ids) } };
}

function heading(decision: ApprovalDecision | null, language: Language) {
  const t = approvalTexts.in(language);
  if (decision === null) return title(t.awaiting, 'Warning');
  const by = decision.by;
  return decision.outcome === 'approved'
    ? title(t.approvedBy({ by }), 'Good')
    : title(t.rejectedBy({ by }), 'Attention');
}

function approvalFacts(data: ApprovalCardData, language: Language): [string, string][] {
  const t = approvalTexts.in(language);
  const rows: [string, string][] = [
    [t.requestedBy, data.requester],
    [t.accounts, data.accounts.length > 0 ? data.accounts.join(', ') : '-'],
  ];
  if (data.itemCount !== null) rows.push([t.items, formatNumber(data.itemCount, language)]);
  rows.push([t.where, data.where], [t.requestedAt, data.requestedAt]);
  if (data.decision) rows.push([t.decidedAt, data.decision.at]);
  return rows;
}

/** What the requester reads once an administrator decided on their restore. */
export function restoreDecidedCard(
  data: { decision: ApprovalDecision; where: string; requestedAt: string },
  language: Language,
): AdaptiveCard {
  const t = approvalTexts.in(language);
  const approved = data.decision.outcome === 'approved';
  const body: CardElement[] = [
    approved ? title(t.yoursApproved, 'Good') : title(t.yoursRejected, 'Attention'),
    paragraph(approved ? t.startsNow : t.nothingRestored),
    facts([
      [t.decidedBy, data.decision.by],
      [t.requestedAt, data.requestedAt],
      [t.where, data.where],
    ]),
  ];
  if (data.decision.note !== null) body.push(paragraph(t.note({ note: data.decision.note })));
  return adaptiveCard(body);
}
