import type { Language } from '../language/language.js';
import type { DomainEventPayloads } from '../events.js';
import { formatBytes } from '../language/quantities.js';
import { runErrorWords } from '../run-errors/run-error-texts.js';
import type { LetterDraft } from './letter-layout.js';
import { runLetterTexts } from './run-letter-texts.js';

/** A run that succeeded: every account of the job was saved. */
export function runCompletedLetter(
  payload: DomainEventPayloads['run.completed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const t = runLetterTexts.in(language);
  const size = formatBytes(payload.bytes, language);
  return {
    subject: t.succeededSubject({ jobName: payload.jobName }),
    blocks: [t.succeededIntro({ jobName: payload.jobName, when, items: payload.items, size }), t.afterSuccess],
  };
}

/** A run that ended with warnings: some items or accounts were not saved this time. */
export function runWarningLetter(
  payload: DomainEventPayloads['run.warning'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const accounts = payload.failedResources.length;
  const t = runLetterTexts.in(language);
  return {
    subject: t.warningSubject({ jobName: payload.jobName }),
    blocks: [
      t.warningIntro({ jobName: payload.jobName, when, warnings: payload.warnings, accounts }),
      ...(accounts > 0 ? [{ list: payload.failedResources }] : []),
      t.whatToDoAfterWarnings,
    ],
  };
}

/** A run that failed: nothing, or no account at all, was saved. */
export function runFailedLetter(
  payload: DomainEventPayloads['run.failed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const accounts = payload.failedResources.length;
  const t = runLetterTexts.in(language);
  return {
    subject: t.failedSubject({ jobName: payload.jobName }),
    blocks: [
      t.failedIntro({ jobName: payload.jobName, when, reason: failureReason(payload)[language] }),
      ...(accounts > 0 ? [t.accountsNotSaved({ accounts }), { list: payload.failedResources }] : []),
      t.whatToDoAfterFailure,
    ],
  };
}

/** Why a run failed, in both languages: from the event's code, or as recorded by an older version. */
export function failureReason(payload: DomainEventPayloads['run.failed']) {
  return runErrorWords({ error: payload.reason, ...(payload.notice && { notice: payload.notice }) });
}
