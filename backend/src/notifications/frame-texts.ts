import { defineTexts } from '../language/texts.js';

/** The words every letter shares: greeting, portal link, a shortened list, and why the reader receives it. */
export const frameTexts = defineTexts({
  greeting: (p: { name: string }) => ({ it: `Gentile ${p.name},`, en: `Dear ${p.name},` }),
  openPortal: (p: { url: string }) => ({ it: `Apri il portale: ${p.url}`, en: `Open the portal: ${p.url}` }),
  andMore: (p: { more: number }) => ({ it: `… e altri ${p.more}`, en: `… and ${p.more} more` }),
  subscribed: (p: { name: string }) => ({
    it: `Ricevi questa e-mail perché sei tra i destinatari delle notifiche "${p.name}" del tuo tenant; puoi cambiarle nella scheda Portal users.`,
    en: `You receive this email because you are a recipient of the "${p.name}" notifications of your tenant; you can change them in the Portal users tab.`,
  }),
  requested: {
    it: 'Ricevi questa e-mail perché hai richiesto tu questo ripristino.',
    en: 'You receive this email because you asked for this restore.',
  },
  // Keyed by subscription (`NotificationEvent`), so a new one without a name is a compile error in its reader.
  'subscription_job.succeeded': { it: 'Job riusciti', en: 'Successful jobs' },
  'subscription_job.warning': { it: 'Job con avvisi', en: 'Jobs with warnings' },
  'subscription_job.failed': { it: 'Job non riusciti', en: 'Failed jobs' },
  'subscription_licence.overrun': { it: 'Licenze superate', en: 'Licences exceeded' },
  'subscription_restore.finished': { it: 'Ripristini terminati', en: 'Finished restores' },
  'subscription_digest.daily': { it: 'Riepilogo giornaliero', en: 'Daily digest' },
});
