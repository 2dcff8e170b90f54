import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Title3 } from '@fluentui/react-components';
import type { LicenceUsage } from '../api/model.js';
import { DataTable } from '../components/data-table.js';
import { formatBytes } from '../components/format.js';
import { InfoNotice } from '../components/messages.js';
import { retentionLabel } from '../components/retention.js';
import { keyOf, useLanguage } from '../i18n/language.js';

/* The parts of the licence status, shown on its own page and on the Overview (as the seeds' Overview does). */

type PlanRow = LicenceUsage['plans'][number] | (LicenceUsage['unlicensed'][number] & { seats: 0; workloads: [] });

/** The warning of the seeds' FAQ: the licences are exceeded, and what to do about it. */
export function OverrunWarning({ usage }: { usage: LicenceUsage }) {
  const { t, language } = useLanguage();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('licenceOverrun')}</MessageBarTitle>
        <ul>
          {usage.remedies.map((remedy) => (
            <li key={remedy.en}>{remedy[language]}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function LicenceStorage({ usage }: { usage: LicenceUsage }) {
  const { t, language } = useLanguage();
  const { usedBytes, purchasedBytes } = usage.storage;
  const text = t('licenceStorageUsed', {
    used: formatBytes(usedBytes, language),
    bought: formatBytes(purchasedBytes, language),
  });
  return (
    <section className="form" aria-labelledby="licence-storage-title">
      <Title3 as="h2" id="licence-storage-title">
        {t('licenceStorage')}
      </Title3>
      <p>{text}</p>
      <ProgressBar
        value={purchasedBytes > 0 ? Math.min(usedBytes / purchasedBytes, 1) : 0}
        color={usedBytes > purchasedBytes ? 'error' : 'brand'}
        aria-label={text}
      />
    </section>
  );
}

export function LicenceSeats({ usage }: { usage: LicenceUsage }) {
  const { t } = useLanguage();
  const rows: PlanRow[] = [
    ...usage.plans,
    ...usage.unlicensed.map((row) => ({ ...row, seats: 0 as const, workloads: [] as [] })),
  ];
  return (
    <section className="form" aria-labelledby="licence-seats-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="licence-seats-title">
        {t('licenceSeats')}
      </Title3>
      {rows.length === 0 ? (
        <InfoNotice>{t('licenceNoPlans')}</InfoNotice>
      ) : (
        <DataTable
          labelledBy="licence-seats-title"
          rows={rows}
          rowKey={(row) => `${row.profile}-${row.retentionYears}`}
          columns={[
            { id: 'profile', header: t('jobProfile'), cell: (row) => row.profile },
            {
              id: 'retention',
              header: t('jobRetention'),
              cell: (row) => retentionLabel(row.retentionYears, t),
            },
            {
              id: 'workloads',
              header: t('jobWorkloads'),
              width: 360,
              cell: (row) => row.workloads.map((w) => t(keyOf('jobWorkload', w))).join(', ') || t('licenceNotBought'),
            },
            { id: 'seats', header: t('licenceBought'), cell: (row) => row.seats },
            { id: 'used', header: t('licenceUsed'), cell: (row) => row.used },
            {
              id: 'state',
              header: t('licenceState'),
              cell: (row) =>
                row.used > row.seats
                  ? t('licenceOver', { count: row.used - row.seats })
                  : t('licenceFree', { count: row.seats - row.used }),
            },
          ]}
        />
      )}
    </section>
  );
}
