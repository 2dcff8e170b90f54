import { Title3 } from '@fluentui/react-components';
import type { CoverageReport as Coverage } from '../api/model.js';
import { DataTable } from '../components/data-table.js';
import { formatDateTime } from '../components/format.js';
import { InfoNotice, SuccessNotice } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';

/** Protected and unprotected accounts by kind, the unprotected ones by name, and jobs idle for 48 hours. */
export function CoverageReport({ coverage }: { coverage: Coverage }) {
  const { t, language } = useLanguage();
  return (
    <>
      <Title3 as="h2" id="coverage-title">
        {t('reportsCoverageTitle')}
      </Title3>
      <p>{t('reportsCoverageIntro')}</p>
      <DataTable
        labelledBy="coverage-title"
        rows={coverage.kinds}
        rowKey={(row) => row.kind}
        columns={[
          { id: 'kind', header: t('reportsKind'), cell: (row) => t(keyOf('reportsKind', row.kind)) },
          { id: 'protected', header: t('reportsProtected'), cell: (row) => row.protected },
          { id: 'unprotected', header: t('reportsUnprotected'), cell: (row) => row.unprotected },
        ]}
      />
      <Title3 as="h3" id="unprotected-title">
        {t('reportsUnprotectedTitle')}
      </Title3>
      {coverage.unprotected.length === 0 ? (
        <SuccessNotice text={t('reportsAllProtected')} />
      ) : (
        <>
          <InfoNotice>{t('reportsUnprotectedHint')}</InfoNotice>
          <DataTable
            labelledBy="unprotected-title"
            rows={coverage.unprotected}
            rowKey={(row) => `${row.kind}:${row.id}`}
            columns={[
              { id: 'name', header: t('reportsAccountName'), cell: (row) => row.displayName },
              { id: 'kind', header: t('reportsKind'), cell: (row) => t(keyOf('reportsKind', row.kind)) },
              { id: 'email', header: t('reportsAccountEmail'), cell: (row) => row.email ?? '–' },
            ]}
          />
        </>
      )}
      <Title3 as="h3" id="stale-title">
        {t('reportsStaleTitle')}
      </Title3>
      {coverage.staleJobs.length === 0 ? (
        <SuccessNotice text={t('reportsNoStale')} />
      ) : (
        <DataTable
          labelledBy="stale-title"
          rows={coverage.staleJobs}
          rowKey={(row) => row.id}
          columns={[
            { id: 'name', header: t('reportsJob'), cell: (row) => row.name },
            {
              id: 'success',
              header: t('reportsLastSuccess'),
              cell: (row) => formatDateTime(row.lastSuccessAt, language, t('reportsNever')),
            },
            {
              id: 'status',
              header: t('reportsLastStatus'),
              cell: (row) => (row.lastStatus ? t(keyOf('runStatus', row.lastStatus)) : t('reportsNever')),
            },
          ]}
        />
      )}
    </>
  );
}
