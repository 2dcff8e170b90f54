import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the approval card (the approver's) and of the decision card (the requester's). */
export const approvalTexts = defineTexts({
  whyApproval: {
    it: 'Le impostazioni del tenant chiedono l’approvazione di un amministratore per i restore self-service da OneDrive.',
    en: 'The tenant’s settings ask an administrator to approve self-service restores from OneDrive.',
  },
  note: (p: { note: string }) => ({ it: `Nota: ${p.note}`, en: `Note: ${p.note}` }),
  noteLabel: { it: 'Nota per chi ha chiesto il restore (facoltativa)', en: 'Note to the requester (optional)' },
  decidedInPortal: { it: 'Si decide dal portale Custodia.', en: 'It is decided in the Custodia portal.' },
  approve: { it: 'Approva', en: 'Approve' },
  reject: { it: 'Rifiuta', en: 'Reject' },
  awaiting: { it: 'Restore da approvare', en: 'Restore awaiting approval' },
  approvedBy: (p: { by: string }) => ({ it: `Approvato da ${p.by}`, en: `Approved by ${p.by}` }),
  rejectedBy: (p: { by: string }) => ({ it: `Rifiutato da ${p.by}`, en: `Rejected by ${p.by}` }),
  requestedBy: { it: 'Richiesto da', en: 'Requested by' },
  accounts: { it: 'Account', en: 'Accounts' },
  items: { it: 'Elementi', en: 'Items' },
  where: { it: 'Dove', en: 'Where' },
  requestedAt: { it: 'Richiesto il', en: 'Requested at' },
  decidedAt: { it: 'Deciso il', en: 'Decided at' },
  decidedBy: { it: 'Deciso da', en: 'Decided by' },
  yoursApproved: { it: 'Il tuo restore è stato approvato', en: 'Your restore was approved' },
  yoursRejected: { it: 'Il tuo restore è stato rifiutato', en: 'Your restore was rejected' },
  startsNow: {
    it: 'Parte ora: ti scrivo di nuovo quando è finito.',
    en: 'It starts now: I will write again when it is done.',
  },
  nothingRestored: {
    it: 'Nessun elemento è stato ripristinato. Se ti serve ancora, parlane con chi ha deciso.',
    en: 'Nothing was restored. If you still need it, talk to the person who decided.',
  },
});
