export { GraphMailer, noProviderMailboxReason, noSenderReason, type GraphMailerOptions } from './graph-mailer.js';
export { EventNotifier, type EventNotifierOptions } from './event-notifier.js';
export { DailyDigest, type DailyDigestOptions } from './daily-digest.js';
export { pruneSentLetters } from '../tenants/outbox-pruning.js';
export {
  lettersOfThisProcess,
  notificationJobName,
  startNotificationWorker,
  type NotificationPassReport,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from './notification-worker.js';
export { isNotified, subscriptionOf, type NotifiedEventType } from './event-letters.js';
