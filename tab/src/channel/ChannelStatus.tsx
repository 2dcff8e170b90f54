import { Button, Text, Title2, Title3 } from '@fluentui/react-components';
import { ApiFailure } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { ErrorNotice, InfoNotice, ProblemNotice } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { useApiClient } from '../self-service/use-api-client.js';
import { loadProtectionStatus, type ProtectionStatus } from './protection-status.js';

function StatusFacts({ status }: { status: ProtectionStatus }) {
  const { t, language } = useLanguage();
  const when = (iso: string | null | undefined) => formatDateTime(iso, language, t('channelNever'));
  const last = status.lastBackup;
  return (
    <>
      <dl className="facts">
        <dt>{t('channelLastBackup')}</dt>
        <dd>{last ? `${when(last.finishedAt)} — ${last.jobName}` : t('channelNever')}</dd>
        <dt>{t('channelNextRun')}</dt>
        <dd>{when(status.nextRunAt)}</dd>
      </dl>
      {status.inTeam && (
        <Text as="p">
          {status.teamJob ? t('channelTeamCovered', { name: status.teamJob.name }) : t('channelTeamNotCovered')}
        </Text>
      )}
      <Title3 as="h2" id="channel-alerts">
        {t('channelAlertsTitle')}
      </Title3>
      {status.alerts.length === 0 ? (
        <InfoNotice>{t('channelNoAlerts')}</InfoNotice>
      ) : (
        <ul aria-labelledby="channel-alerts" className="channel-alerts">
          {status.alerts.map((run) => (
            <li key={run.id}>
              <ProblemNotice
                text={t(run.status === 'failed' ? 'channelAlertFailed' : 'channelAlertWarning', {
                  job: run.jobName,
                  date: when(run.finishedAt),
                })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The channel tab: the tenant's backup protection at a glance; backup administrators only. */
export function ChannelStatus({ token }: { token: string }) {
  const { t, language } = useLanguage();
  const api = useApiClient(token);
  const status = useResource(() => loadProtectionStatus(api), `channel-${language}`);
  return (
    <div className="page">
      <Title2 as="h1">{t('channelTitle')}</Title2>
      {status.phase === 'loading' && <Text>{t('loading')}</Text>}
      {status.phase === 'failed' &&
        (status.error instanceof ApiFailure && status.error.status === 403 ? (
          <InfoNotice>{t('channelForbidden')}</InfoNotice>
        ) : (
          <ErrorNotice error={status.error} onRetry={status.reload} />
        ))}
      {status.phase === 'ready' &&
        (status.value.jobs.length === 0 ? (
          <InfoNotice>{t('channelNoJobs')}</InfoNotice>
        ) : (
          <>
            <StatusFacts status={status.value} />
            <Button className="own-refresh" onClick={status.reload}>
              {t('requestsRefresh')}
            </Button>
          </>
        ))}
    </div>
  );
}
