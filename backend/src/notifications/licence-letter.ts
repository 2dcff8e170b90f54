import type { Language } from '../language/language.js';
import type { DomainEventPayloads } from '../events.js';
import { formatBytes } from '../language/quantities.js';
import type { LetterDraft } from './letter-layout.js';
import { licenceLetterTexts } from './licence-letter-texts.js';

/** The tenant protects more people, or stores more, than it bought; the remedies are the FAQ's. */
export function licenceOverrunLetter(payload: DomainEventPayloads['licence.overrun'], language: Language): LetterDraft {
  const t = licenceLetterTexts.in(language);
  const over = payload.plans.filter((plan) => plan.used > plan.seats);
  const lines = over.map((plan) =>
    t.planLine({ profile: plan.profile, years: plan.retentionYears, used: plan.used, seats: plan.seats }),
  );
  const storage = payload.storage;
  if (storage && storage.usedBytes > storage.purchasedBytes) {
    const used = formatBytes(storage.usedBytes, language);
    const bought = formatBytes(storage.purchasedBytes, language);
    lines.push(t.storageLine({ used, bought }));
  }
  return {
    subject: t.subject,
    blocks: [t.intro, { list: lines }, t.whatToDo, { list: payload.remedies.map((remedy) => remedy[language]) }],
  };
}
