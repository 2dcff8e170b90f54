import type { Language } from '../language/language.js';
import type { DomainEvent } from '../events.js';
import type { NotificationEvent } from '../settings/notification-recipients.js';
import { frameTexts } from './frame-texts.js';
import { formatWhen, type LetterDraft } from './letter-layout.js';
import { licenceOverrunLetter } from './licence-letter.js';
import { restoreCompletedLetter, restoreFailedLetter } from './restore-letters.js';
import { runCompletedLetter, runFailedLetter, runWarningLetter } from './run-letters.js';

/** The domain events that become letters, and the subscription each one needs. */
export const subscriptionOf = {
  'run.completed': 'job.succeeded',
  'run.warning': 'job.warning',
  'run.failed': 'job.failed',
  'licence.overrun': 'licence.overrun',
  'restore.completed': 'restore.finished',
  'restore.failed': 'restore.finished',
} as const satisfies Partial<Record<DomainEvent['type'], NotificationEvent>>;

export type NotifiedEventType = keyof typeof subscriptionOf;

export function isNotified(event: DomainEvent): event is DomainEvent<NotifiedEventType> {
  return event.type in subscriptionOf;
}

/** The letter an event becomes, in one language, its time told in the given time zone. */
export function draftFor(event: DomainEvent<NotifiedEventType>, language: Language, timeZone: string): LetterDraft {
  const when = formatWhen(event.createdAt, language, timeZone);
  switch (event.type) {
    case 'run.completed':
      return runCompletedLetter((event as DomainEvent<'run.completed'>).payload, when, language);
    case 'run.warning':
      return runWarningLetter((event as DomainEvent<'run.warning'>).payload, when, language);
    case 'run.failed':
      return runFailedLetter((event as DomainEvent<'run.failed'>).payload, when, language);
    case 'licence.overrun':
      return licenceOverrunLetter((event as DomainEvent<'licence.overrun'>).payload, language);
    case 'restore.completed':
      return restoreCompletedLetter((event as DomainEvent<'restore.completed'>).payload, when, language);
    case 'restore.failed':
      return restoreFailedLetter((event as DomainEvent<'restore.failed'>).payload, when, language);
  }
}

/** The footer of a letter sent because of a subscription. */
export function subscribedBecause(subscription: NotificationEvent, language: Language): string {
  const name = frameTexts.text(`subscription_${subscription}`, {}, language);
  return frameTexts.text('subscribed', { name }, language);
}

export function requestedBecause(language: Language): string {
  return frameTexts.text('requested', {}, language);
}
