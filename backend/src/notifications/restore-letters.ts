import type { Language } from '../language/language.js';
import type { DomainEventPayloads } from '../events.js';
import type { LetterDraft } from './letter-layout.js';
import { restoreLetterTexts } from './restore-letter-texts.js';

export function restoreCompletedLetter(
  payload: DomainEventPayloads['restore.completed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const { restored, skipped, failed, verified, mismatched } = payload;
  const t = restoreLetterTexts.in(language);
  return {
    subject: t.completedSubject({ failed }),
    blocks: [
      t.completedIntro({ when }),
      {
        list: [
          t.restored({ restored, verified }),
          t.skipped({ skipped }),
          t.failed({ failed }),
          ...(mismatched > 0 ? [t.mismatched({ mismatched })] : []),
        ],
      },
      failed > 0 || mismatched > 0 ? t.whatToDoAfterFailures : t.inPlace,
    ],
  };
}

export function restoreFailedLetter(
  payload: DomainEventPayloads['restore.failed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const t = restoreLetterTexts.in(language);
  return {
    subject: t.failedSubject,
    blocks: [t.failedIntro({ when, reason: payload.reason }), t.whatToDoAfterFailure],
  };
}
