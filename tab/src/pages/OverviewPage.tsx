import { Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { licenceRead, settingsRead } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { JobView } from '../api/model.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { JobForm } from './JobForm.js';
import { JobList } from './JobList.js';
import { LicenceSeats, LicenceStorage, OverrunWarning } from './licence-parts.js';
import { LettersWaitingNotice } from './letters-waiting.js';
import { StorageByTier } from './StorageByTier.js';

/** Licences bought and used, with the overrun warning, above the jobs that use them. */
function LicenceOverview() {
  const { api } = useSession();
  const licence = useResource(() => licenceRead(api), 'licence');
  return (
    <Loaded state={licence}>
      {(usage) => (
        <>
          {usage.overrun && <OverrunWarning usage={usage} />}
          <LicenceSeats usage={usage} />
          <LicenceStorage usage={usage} />
          <StorageByTier usage={usage} />
        </>
      )}
    </Loaded>
  );
}

/** Letters that wait for a sender mailbox, said where the administrator looks first. */
function LettersWaiting() {
  const { api } = useSession();
  const settings = useResource(() => settingsRead(api), 'settings');
  return settings.phase === 'ready' ? <LettersWaitingNotice count={settings.value.lettersWaitingForSender} /> : null;
}

type Editing = { kind: 'list'; saved?: string } | { kind: 'create' } | { kind: 'edit'; job: JobView };

/** "Overview": the customer and its setup, then the backup jobs; the job form opens in its place. */
export function OverviewPage() {
  const { t, language } = useLanguage();
  const { tenant } = useSession();
  const { setup } = tenant;
  const [editing, setEditing] = useState<Editing>({ kind: 'list' });
  if (editing.kind !== 'list') {
    return (
      <JobForm
        {...(editing.kind === 'edit' && { job: editing.job })}
        onSaved={(text) => setEditing({ kind: 'list', saved: text })}
        onCancel={() => setEditing({ kind: 'list' })}
      />
    );
  }
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
      <LettersWaiting />
      <LicenceOverview />
      <JobList
        saved={editing.saved}
        onCreate={() => setEditing({ kind: 'create' })}
        onEdit={(job) => setEditing({ kind: 'edit', job })}
      />
    </section>
  );
}
