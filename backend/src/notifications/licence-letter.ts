import type { Language } from '../language/language.js';
import type { DomainEventPayloads } from '../events.js';
import { formatBytes, type LetterDraft } from './letter-layout.js';

/** The tenant protects more people, or stores more, than it bought; the remedies are the FAQ's. */
export function licenceOverrunLetter(payload: DomainEventPayloads['licence.overrun'], language: Language): LetterDraft {
  const it = language === 'it';
  const over = payload.plans.filter((plan) => plan.used > plan.seats);
  const lines = over.map((plan) =>
    it
      ? `Profilo ${plan.profile}, conservazione ${plan.retentionYears} anni: ${plan.used} account protetti, ${plan.seats} licenze acquistate.`
      : `Profile ${plan.profile}, ${plan.retentionYears}-year retention: ${plan.used} accounts protected, ${plan.seats} licences bought.`,
  );
  const storage = payload.storage;
  if (storage && storage.usedBytes > storage.purchasedBytes) {
    const used = formatBytes(storage.usedBytes, language);
    const bought = formatBytes(storage.purchasedBytes, language);
    lines.push(it ? `Spazio: ${used} occupati, ${bought} acquistati.` : `Storage: ${used} used, ${bought} bought.`);
  }
  return {
    subject: it
      ? 'Licenze superate: il backup protegge più di quanto acquistato'
      : 'Licences exceeded: the backup protects more than was bought',
    blocks: [
      it
        ? 'i job di backup del tuo tenant proteggono più di quanto previsto dalle licenze acquistate:'
        : "your tenant's backup jobs protect more than the licences bought allow:",
      { list: lines },
      it ? 'Cosa fare:' : 'What to do:',
      { list: payload.remedies.map((remedy) => remedy[language]) },
    ],
  };
}
