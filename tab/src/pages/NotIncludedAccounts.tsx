import { Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { reportsCoverage } from '../api/generated.js';
import type { CoverageReport } from '../api/model.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import { DataTable } from '../components/data-table.js';
import { InfoNotice, Loaded, SuccessNotice } from '../components/messages.js';
import { SearchBox } from '../components/search-box.js';
import { keyOf, useLanguage } from '../i18n/language.js';

type Unprotected = CoverageReport['unprotected'][number];

/** Those whose name or e-mail contains `q`, case ignored (the report holds them all: this searches every one). */
function matching(rows: readonly Unprotected[], q: string): readonly Unprotected[] {
  if (!q) return rows;
  const wanted = q.toLocaleLowerCase();
  return rows.filter((row) => `${row.displayName}\n${row.email ?? ''}`.toLocaleLowerCase().includes(wanted));
}

/** The directory's people and teams that no job includes, so that who is not protected is visible in Items too. */
export function NotIncludedAccounts() {
  const { t } = useLanguage();
  const { api } = useSession();
  const [q, setQ] = useState('');
  const coverage = useResource(() => reportsCoverage(api), 'coverage');
  return (
    <section className="form" aria-labelledby="not-included-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="not-included-title">
        {t('itemsNotIncludedTitle')}
      </Title3>
      <p>{t('itemsNotIncludedIntro')}</p>
      <Loaded state={coverage}>
        {(report) => {
          if (report.unprotected.length === 0) return <SuccessNotice text={t('reportsAllProtected')} />;
          const rows = matching(report.unprotected, q);
          return (
            <>
              <SearchBox label={t('notIncludedSearch')} onSearch={setQ} />
              {rows.length === 0 ? (
                <InfoNotice>{t('notIncludedSearchNone', { q })}</InfoNotice>
              ) : (
                <DataTable
                  labelledBy="not-included-title"
                  rows={rows}
                  rowKey={(row) => `${row.kind}:${row.id}`}
                  columns={[
                    { id: 'name', header: t('reportsAccountName'), width: 220, cell: (row) => row.displayName },
                    { id: 'email', header: t('reportsAccountEmail'), width: 260, cell: (row) => row.email ?? '–' },
                    {
                      id: 'kind',
                      header: t('reportsKind'),
                      width: 120,
                      cell: (row) => t(keyOf('reportsKind', row.kind)),
                    },
                  ]}
                />
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
