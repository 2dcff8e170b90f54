import type { Language } from '../language/language.js';
import type { DomainEvent, RunEndEvent } from '../events.js';
import { digestTexts } from './digest-texts.js';
import { failureReason } from './run-letters.js';
import { formatBytes } from '../language/quantities.js';
import { formatWhen, type LetterDraft } from './letter-layout.js';

/** The runs that ended in the last 24 hours, counted by outcome and listed one line each. */
export function dailyDigestLetter(runs: readonly RunEndEvent[], until: Date, language: Language): LetterDraft {
  const t = digestTexts.in(language);
  const count = (type: RunEndEvent['type']) => runs.filter((run) => run.type === type).length;
  const [succeeded, warned, failed] = [count('run.completed'), count('run.warning'), count('run.failed')];
  const subject = t.subject({ succeeded, warned, failed });
  const upTo = formatWhen(until, language);
  if (runs.length === 0) return { subject, blocks: [t.noRuns({ until: upTo }), t.expectedRun] };
  return {
    subject,
    blocks: [
      t.outcome({ until: upTo }),
      { list: runs.map((run) => runLine(run, language)) },
      ...(warned + failed > 0 ? [t.details] : []),
    ],
  };
}

function runLine(run: RunEndEvent, language: Language): string {
  const t = digestTexts.in(language);
  const when = formatWhen(run.createdAt, language);
  switch (run.type) {
    case 'run.completed': {
      const { jobName, items, bytes } = (run as DomainEvent<'run.completed'>).payload;
      return t.succeededLine({ jobName, when, items, size: formatBytes(bytes, language) });
    }
    case 'run.warning': {
      const { jobName, warnings, failedResources } = (run as DomainEvent<'run.warning'>).payload;
      return t.warningLine({ jobName, when, warnings, accounts: failedResources.length });
    }
    case 'run.failed': {
      const { payload } = run as DomainEvent<'run.failed'>;
      return t.failedLine({ jobName: payload.jobName, when, reason: failureReason(payload)[language] });
    }
  }
}
