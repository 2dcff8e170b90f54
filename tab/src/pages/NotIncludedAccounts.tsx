import { Title3 } from '@fluentui/react-components';
import { reportsCoverage } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import { DataTable } from '../components/data-table.js';
import { Loaded, SuccessNotice } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';

/** The directory's people and teams that no job includes, so that who is not protected is visible in Items too. */
export function NotIncludedAccounts() {
  const { t } = useLanguage();
  const { api } = useSession();
  const coverage = useResource(() => reportsCoverage(api), 'coverage');
  return (
    <section className="form" aria-labelledby="not-included-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="not-included-title">
        {t('itemsNotIncludedTitle')}
      </Title3>
      <p>{t('itemsNotIncludedIntro')}</p>
      <Loaded state={coverage}>
        {(report) =>
          report.unprotected.length === 0 ? (
            <SuccessNotice text={t('reportsAllProtected')} />
          ) : (
            <DataTable
              labelledBy="not-included-title"
              rows={report.unprotected}
              rowKey={(row) => `${row.kind}:${row.id}`}
              columns={[
                { id: 'name', header: t('reportsAccountName'), width: 220, cell: (row) => row.displayName },
                { id: 'email', header: t('reportsAccountEmail'), width: 260, cell: (row) => row.email ?? '–' },
                { id: 'kind', header: t('reportsKind'), width: 120, cell: (row) => t(keyOf('reportsKind', row.kind)) },
              ]}
            />
          )
        }
      </Loaded>
    </section>
  );
}
