import type { Language } from '../language.js';
import { verbs } from '../verbs.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, execute, facts, multilineInput, paragraph, title } from './elements.js';

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
  const it = language === 'it';
  const body: CardElement[] = [heading(data.decision, language), facts(approvalFacts(data, language))];
  const ids = { restoreId: data.restoreId };
  if (data.decision === null) {
    body.push(
      paragraph(
        it
          ? 'Le impostazioni del tenant chiedono l’approvazione di un amministratore per i restore self-service da OneDrive.'
          : 'The tenant’s settings ask an administrator to approve self-service restores from OneDrive.',
        { isSubtle: true },
      ),
    );
  } else if (data.decision.note !== null) {
    body.push(paragraph(it ? `Nota: ${data.decision.note}` : `Note: ${data.decision.note}`));
  }
  const undecided = data.decision === null && data.canDecide;
  if (undecided) {
    body.push(
      multilineInput(
        'note',
        it ? 'Nota per chi ha chiesto il restore (facoltativa)' : 'Note to the requester (optional)',
        maxApprovalNoteLength,
      ),
    );
  }
  if (data.decision === null && !data.canDecide) {
    body.push(paragraph(it ? 'Si decide dal portale Custodia.' : 'It is decided in the Custodia portal.'));
  }
  if (data.notice !== undefined) body.push(paragraph(data.notice, { color: 'Accent' }));
  const actions = undecided
    ? [
        execute(it ? 'Approva' : 'Approve', verbs.approveRestore, ids, 'positive'),
        execute(it ? 'Rifiuta' : 'Reject', verbs.rejectRestore, ids, 'destructive'),
      ]
    : [];
  return { ...adaptiveCard(body, actions), refresh: { action: execute('refresh', verbs.refreshApproval, ids) } };
}

function heading(decision: ApprovalDecision | null, language: Language) {
  const it = language === 'it';
  if (decision === null) return title(it ? 'Restore da approvare' : 'Restore awaiting approval', 'Warning');
  const by = decision.by;
  return decision.outcome === 'approved'
    ? title(it ? `Approvato da ${by}` : `Approved by ${by}`, 'Good')
    : title(it ? `Rifiutato da ${by}` : `Rejected by ${by}`, 'Attention');
}

function approvalFacts(data: ApprovalCardData, language: Language): [string, string][] {
  const it = language === 'it';
  const rows: [string, string][] = [
    [it ? 'Richiesto da' : 'Requested by', data.requester],
    [it ? 'Account' : 'Accounts', data.accounts.length > 0 ? data.accounts.join(', ') : '-'],
  ];
  if (data.itemCount !== null) rows.push([it ? 'Elementi' : 'Items', String(data.itemCount)]);
  rows.push([it ? 'Dove' : 'Where', data.where], [it ? 'Richiesto il' : 'Requested at', data.requestedAt]);
  if (data.decision) rows.push([it ? 'Deciso il' : 'Decided at', data.decision.at]);
  return rows;
}

/** What the requester reads once an administrator decided on their restore. */
export function restoreDecidedCard(
  data: { decision: ApprovalDecision; where: string; requestedAt: string },
  language: Language,
): AdaptiveCard {
  const it = language === 'it';
  const approved = data.decision.outcome === 'approved';
  const body: CardElement[] = [
    approved
      ? title(it ? 'Il tuo restore è stato approvato' : 'Your restore was approved', 'Good')
      : title(it ? 'Il tuo restore è stato rifiutato' : 'Your restore was rejected', 'Attention'),
    paragraph(
      approved
        ? it
          ? 'Parte ora: ti scrivo di nuovo quando è finito.'
          : 'It starts now: I will write again when it is done.'
        : it
          ? 'Nessun elemento è stato ripristinato. Se ti serve ancora, parlane con chi ha deciso.'
          : 'Nothing was restored. If you still need it, talk to the person who decided.',
    ),
    facts([
      [it ? 'Deciso da' : 'Decided by', data.decision.by],
      [it ? 'Richiesto il' : 'Requested at', data.requestedAt],
      [it ? 'Dove' : 'Where', data.where],
    ]),
  ];
  if (data.decision.note !== null) {
    body.push(paragraph(it ? `Nota: ${data.decision.note}` : `Note: ${data.decision.note}`));
  }
  return adaptiveCard(body);
}
