import { Title2 } from '@fluentui/react-components';
import { useSession } from '../api/session.js';
import { formatDateTime } from '../components/format.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { JobList } from './JobList.js';

/** "Overview": the customer and its setup, then the backup jobs. */
export function OverviewPage() {
  const { t, language } = useLanguage();
  const { tenant } = useSession();
  const { setup } = tenant;
  return (
    <section className="page" aria-labelledby="overview-title">
      <Title2 as="h1" id="overview-title">
        {t('overviewCustomer')}: {tenant.name}
      </Title2>
      <dl className="facts">
        <dt>{t('overviewTenantId')}</dt>
        <dd>{tenant.tenantId}</dd>
        <dt>{t('overviewItManager')}</dt>
        <dd>{`${tenant.itManager.name} <${tenant.itManager.email}>`}</dd>
        <dt>{t('overviewDataLocation')}</dt>
        <dd>{setup.dataLocation ? t(keyOf('dataLocation', setup.dataLocation)) : '—'}</dd>
        <dt>{t('overviewWorkloads')}</dt>
        <dd>{setup.workloads.map((w) => t(keyOf('workload', w))).join(', ') || '—'}</dd>
      </dl>
      {setup.confirmedAt && <p>{t('overviewSetupDone', { date: formatDateTime(setup.confirmedAt, language, '') })}</p>}
      <JobList />
    </section>
  );
}
