import { runErrorBilingual } from '../../../backend/src/run-errors/run-error-texts.js';
import { overrunRemedies } from '../../../backend/src/licences/index.js';
import type { Language } from '../../src/language.js';
import { portalLinks } from '../../src/portal-links.js';
import { approvalCard, restoreDecidedCard, type ApprovalCardData } from '../../src/cards/approval-cards.js';
import type { AdaptiveCard } from '../../src/cards/card-types.js';
import { confirmRunCard } from '../../src/cards/confirm-run-card.js';
import { helpCard } from '../../src/cards/help-card.js';
import { formatTime, jobsCard } from '../../src/cards/jobs-card.js';
import { licenceCard } from '../../src/cards/licence-card.js';
import { restoreCompletedCard, restoresCard } from '../../src/cards/restore-cards.js';
import { alertCard, runCard, type RunCardData } from '../../src/cards/run-card.js';

/** One card the bot sends, with sample data, and the words a reader must find on it. */
export interface GalleryCard {
  name: string;
  language: Language;
  card: AdaptiveCard;
  expected: string[];
}

const links = portalLinks({ appId: 'custodia-app', entityId: 'portal' });
const lastNight = new Date('2026-11-20T21:04:00Z');
const at = (language: Language) => formatTime(lastNight, 'Europe/Rome', language);

function run(status: RunCardData['status'], language: Language): RunCardData {
  const it = language === 'it';
  const failed = status === 'failed';
  return {
    jobId: 'job-nightly',
    jobName: 'Nightly Mail',
    runId: 'run-42',
    status,
    resourcesTotal: 40,
    resourcesDone: status === 'running' ? 17 : 38,
    resourcesFailed: failed ? 2 : 0,
    items: status === 'running' ? 18_240 : 51_873,
    bytes: status === 'running' ? 3.2 * 1024 ** 3 : 9.7 * 1024 ** 3,
    warnings: failed ? 1 : 0,
    failures: failed
      ? [
          {
            resource: 'marco.bianchi@officinetest.it',
            reason: it
              ? 'La casella non esiste più in Microsoft 365.'
              : 'The mailbox no longer exists in Microsoft 365.',
          },
          {
            resource: 'giulia.rossi@officinetest.it',
            reason: it
              ? 'Microsoft 365 ha limitato le richieste per troppo tempo: si riprova alla prossima esecuzione.'
              : 'Microsoft 365 throttled the requests for too long: it is tried again at the next run.',
          },
        ]
      : [],
    reason: failed ? runErrorBilingual({ code: 'accounts_failed', params: { failed: 2, total: 40 } }) : null,
    logUrl: links.jobLog('job-nightly', 'run-42'),
    canManage: true,
    mutedToday: false,
  };
}

function approval(language: Language, decision: ApprovalCardData['decision']): ApprovalCardData {
  return {
    restoreId: '5b0f0f6e-6a55-4a35-9a3e-0d1c2b7e9f10',
    requester: 'Sara Neri (sara.neri@officinetest.it)',
    accounts: ['OneDrive: Sara Neri'],
    itemCount: 14,
    where:
      language === 'it' ? 'nella cartella "Ripristino 2026-11-21 09.12"' : 'in the folder "Restored 2026-11-21 09.12"',
    requestedAt: at(language),
    decision,
    canDecide: true,
  };
}

function decision(outcome: 'approved' | 'rejected', language: Language) {
  return {
    outcome,
    by: 'Anna Verdi (anna.verdi@officinetest.it)',
    at: at(language),
    note:
      outcome === 'approved'
        ? null
        : language === 'it'
          ? 'Questi file sono nel sito del team vendite: chiedi a Marco.'
          : 'These files live in the sales team site: ask Marco.',
  };
}

/** Every card the bot sends, in Italian and English. */
export function cardGallery(): GalleryCard[] {
  return (['en', 'it'] as const).flatMap((language) => cardsIn(language));
}

function cardsIn(language: Language): GalleryCard[] {
  const it = language === 'it';
  const pick = (italian: string, english: string) => (it ? italian : english);
  return [
    {
      name: 'help',
      card: helpCard(language),
      expected: [pick('Cosa posso fare', 'What I can do'), pick('esegui job <nome>', 'run job <name>')],
    },
    {
      name: 'jobs',
      card: jobsCard(
        [
          {
            name: 'Nightly Mail',
            dailyTime: '22:00',
            timeZone: 'Europe/Rome',
            lastRun: { status: 'succeeded', at: lastNight },
          },
          {
            name: 'OneDrive Sales',
            dailyTime: '23:30',
            timeZone: 'Europe/Rome',
            lastRun: { status: 'failed', at: lastNight },
          },
          { name: 'Teams Archive', dailyTime: '01:00', timeZone: 'Europe/Rome', lastRun: null },
        ],
        language,
      ),
      expected: [pick('Job di backup', 'Backup jobs'), 'OneDrive Sales', pick('mai eseguito', 'never run')],
    },
    {
      name: 'run-confirmation',
      card: confirmRunCard(
        {
          jobId: 'job-nightly',
          jobName: 'Nightly Mail',
          workloads: ['exchange', 'onedrive'],
          scope: pick('tutta l’organizzazione', 'the whole organisation'),
          typed: 'nightly mial',
        },
        language,
      ),
      expected: [
        pick('Avviare ora il job "Nightly Mail"?', 'Run the job "Nightly Mail" now?'),
        pick('Servizi', 'Services'),
        'Exchange, OneDrive',
        pick('Avvia', 'Run'),
      ],
    },
    {
      name: 'run-running',
      card: runCard(run('running', language), language),
      expected: [pick('Backup in corso: Nightly Mail', 'Backup running: Nightly Mail'), '17 / 40'],
    },
    {
      name: 'run-succeeded',
      card: runCard(run('succeeded', language), language),
      expected: [
        pick('Backup completato: Nightly Mail', 'Backup completed: Nightly Mail'),
        pick('9,7 GB', '9.7 GB'),
        pick('51.873', '51,873'),
      ],
    },
    {
      name: 'alert-failed',
      card: alertCard(run('failed', language), language),
      expected: [
        pick('Backup non riuscito: Nightly Mail', 'Backup failed: Nightly Mail'),
        pick('non è stato possibile salvare 2 account su 40', '2 of 40 accounts could not be backed up'),
        'marco.bianchi@officinetest.it',
        pick('Avvia il job', 'Run this job'),
        pick('Silenzia questo job per oggi', 'Mute this job for today'),
      ],
    },
    {
      name: 'licence-overrun',
      card: licenceCard(
        {
          plans: [
            { profile: 'Gold', retentionYears: 1, seats: 25, used: 27 },
            { profile: 'Silver', retentionYears: 3, seats: 50, used: 31 },
          ],
          unlicensed: [],
          storage: { purchasedBytes: 1024 ** 4, usedBytes: 0.84 * 1024 ** 4 },
          overrun: true,
          remedies: overrunRemedies,
          licencesUrl: links.licences(),
        },
        language,
      ),
      expected: [
        pick('Licenze superate', 'Licences exceeded'),
        pick('Gold, 1 anno', 'Gold, 1 year'),
        pick('Silver, 3 anni', 'Silver, 3 years'),
        pick('(oltre il limite)', '(over the limit)'),
      ],
    },
    {
      name: 'restores',
      card: restoresCard(
        [
          {
            requestedAt: at(language),
            status: 'running',
            restored: 120,
            total: 310,
            where: approval(language, null).where,
          },
          {
            requestedAt: at(language),
            status: 'awaitingApproval',
            restored: 0,
            total: 0,
            where: pick('nella posizione originale', 'in their original place'),
          },
          {
            requestedAt: at(language),
            status: 'completed',
            restored: 14,
            total: 14,
            where: pick('nella posizione originale', 'in their original place'),
          },
        ],
        language,
      ),
      expected: [pick('Ultimi restore', 'Latest restores'), pick('in attesa di approvazione', 'awaiting approval')],
    },
    {
      name: 'restore-completed',
      card: restoreCompletedCard(
        { restored: 13, skipped: 1, failed: 0, verified: 13, mismatched: 0, where: approval(language, null).where },
        language,
      ),
      expected: [
        pick('Restore completato', 'Restore completed'),
        pick('Già presenti (saltati)', 'Already there (skipped)'),
      ],
    },
    {
      name: 'approval-pending',
      card: approvalCard(approval(language, null), language),
      expected: [
        pick('Restore da approvare', 'Restore awaiting approval'),
        'Sara Neri (sara.neri@officinetest.it)',
        pick('Approva', 'Approve'),
        pick('Rifiuta', 'Reject'),
      ],
    },
    {
      name: 'approval-approved',
      card: approvalCard(approval(language, decision('approved', language)), language),
      expected: [pick('Approvato da Anna Verdi', 'Approved by Anna Verdi')],
    },
    {
      name: 'approval-rejected',
      card: approvalCard(approval(language, decision('rejected', language)), language),
      expected: [
        pick('Rifiutato da Anna Verdi', 'Rejected by Anna Verdi'),
        pick('Nota: Questi file', 'Note: These files'),
      ],
    },
    {
      name: 'requester-approved',
      card: restoreDecidedCard(
        { decision: decision('approved', language), where: approval(language, null).where, requestedAt: at(language) },
        language,
      ),
      expected: [pick('Il tuo restore è stato approvato', 'Your restore was approved')],
    },
    {
      name: 'requester-rejected',
      card: restoreDecidedCard(
        { decision: decision('rejected', language), where: approval(language, null).where, requestedAt: at(language) },
        language,
      ),
      expected: [pick('Il tuo restore è stato rifiutato', 'Your restore was rejected'), pick('Nota:', 'Note:')],
    },
  ].map((entry) => ({ ...entry, language }));
}
