import { defineTexts } from '../language/texts.js';

/** The words of the letters that tell the other side of a support ticket about it. */
export const ticketTexts = defineTexts({
  newComment: (p: { subject: string }) => ({
    it: `Nuovo commento alla segnalazione «${p.subject}»`,
    en: `New comment on ticket "${p.subject}"`,
  }),
  newTicket: (p: { severity: string; subject: string }) => ({
    it: `Nuova segnalazione (${p.severity}): ${p.subject}`,
    en: `New ticket (${p.severity}): ${p.subject}`,
  }),
  from: (p: { name: string }) => ({ it: `Da: ${p.name}`, en: `From: ${p.name}` }),
  // Keyed by severity, as the portal's Support page names them.
  severity_low: { it: 'gravità bassa', en: 'low severity' },
  severity_normal: { it: 'gravità normale', en: 'normal severity' },
  severity_high: { it: 'gravità alta', en: 'high severity' },
  severity_critical: { it: 'gravità critica', en: 'critical severity' },
});
