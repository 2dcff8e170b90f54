import { Title3 } from '@fluentui/react-components';
import type { LicenceUsage } from '../api/model.js';
import { DataTable } from '../components/data-table.js';
import { formatBytes } from '../components/format.js';
import { retentionLabel } from '../components/retention.js';
import { useLanguage } from '../i18n/language.js';

type TierRow = LicenceUsage['storage']['byTier'][number];

/** The Overview's storage per retention tier: each account under the longest retention of the jobs covering it. */
export function StorageByTier({ usage }: { usage: LicenceUsage }) {
  const { t, language } = useLanguage();
  const rows = usage.storage.byTier;
  if (rows.length === 0) return null;
  return (
    <section className="form" aria-labelledby="storage-tiers-title">
      <Title3 as="h2" id="storage-tiers-title">
        {t('storageByTier')}
      </Title3>
      <p>{t('storageByTierHint')}</p>
      <DataTable<TierRow>
        labelledBy="storage-tiers-title"
        rows={rows}
        rowKey={(row) => String(row.retentionYears)}
        columns={[
          {
            id: 'retention',
            header: t('jobRetention'),
            cell: (row) => (row.retentionYears === null ? t('storageNoJob') : retentionLabel(row.retentionYears, t)),
          },
          { id: 'bytes', header: t('licenceStorage'), cell: (row) => formatBytes(row.bytes, language) },
        ]}
      />
    </section>
  );
}
