import { Button, Title2, Title3 } from '@fluentui/react-components';
import { runsRead } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { ResourceOutcome, RunDetail } from '../api/model.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { useResource } from '../api/use-resource.js';
import { DataTable } from '../components/data-table.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { InfoNotice, Loaded, ProblemNotice, SuccessNotice } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';

function isUnfinished(run: RunDetail): boolean {
  return run.status === 'queued' || run.status === 'running';
}

function Outcome({ run }: { run: RunDetail }) {
  const { language } = useLanguage();
  const text = run.summary[language];
  // The summary says why the run did not proceed, in the reader's language (the run's `error` is the English record).
  if (run.status === 'failed') return <ProblemNotice text={text} />;
  if (run.status === 'succeeded') return <SuccessNotice text={text} />;
  return <InfoNotice>{text}</InfoNotice>;
}

function Warnings({ resources }: { resources: readonly ResourceOutcome[] }) {
  const { t, language } = useLanguage();
  const warned = resources.filter((resource) => resource.warnings.length > 0);
  if (warned.length === 0) return null;
  return (
    <section aria-labelledby="run-warnings-title">
      <Title3 as="h2" id="run-warnings-title">
        {t('runWarnings')}
      </Title3>
      <ul>
        {warned.flatMap((resource) =>
          resource.warnings.map((warning, index) => (
            <li key={`${resource.resourceId}-${index}`}>{`${resource.displayName}: ${warning.message[language]}`}</li>
          )),
        )}
      </ul>
    </section>
  );
}

/** One run of the job log: how it went in a sentence, then each account's outcome, items, warnings and errors. */
export function RunDetailView(props: {
  runId: string;
  /** The job's zone, in which its times read (the browser's when the job is gone). */
  timeZone: string | undefined;
  onBack: () => void;
}) {
  const { runId, timeZone, onBack } = props;
  const { t, language } = useLanguage();
  const { api } = useSession();
  const run = useResource(() => runsRead(api, { params: { id: runId } }), runId);
  useRefreshWhile(run.phase === 'ready' && isUnfinished(run.value), run, run.reload);

  return (
    <section className="page" aria-labelledby="run-title">
      <div>
        <Button onClick={onBack}>{t('back')}</Button>
      </div>
      <Loaded state={run}>
        {(detail) => (
          <>
            <Title2 as="h1" id="run-title">
              {t('runTitle', { job: detail.jobName, date: formatDateTime(detail.queuedAt, language, '', timeZone) })}
            </Title2>
            <dl className="facts">
              <dt>{t('jobStatus')}</dt>
              <dd>{t(keyOf('runStatus', detail.status))}</dd>
              <dt>{t('runTrigger')}</dt>
              <dd>{t(keyOf('runTrigger', detail.trigger), { who: detail.requestedBy })}</dd>
              <dt>{t('runStarted')}</dt>
              <dd>{formatDateTime(detail.startedAt, language, '—', timeZone)}</dd>
              <dt>{t('runFinished')}</dt>
              <dd>{formatDateTime(detail.finishedAt, language, '—', timeZone)}</dd>
              <dt>{t('runItems')}</dt>
              <dd>
                {t('runItemsText', {
                  items: detail.progress.items,
                  size: formatBytes(detail.progress.bytes, language),
                  deletions: detail.progress.deletions,
                })}
              </dd>
            </dl>
            <Outcome run={detail} />
            <Title3 as="h2" id="run-accounts-title">
              {t('runAccounts')}
            </Title3>
            {detail.resources.length === 0 ? (
              <InfoNotice>{t('runNoAccounts')}</InfoNotice>
            ) : (
              <DataTable
                labelledBy="run-accounts-title"
                rows={detail.resources}
                rowKey={(resource) => resource.resourceId}
                columns={[
                  { id: 'account', header: t('itemName'), cell: (r) => r.displayName },
                  { id: 'kind', header: t('itemsKind'), cell: (r) => t(keyOf('resourceKind', r.kind)) },
                  { id: 'status', header: t('jobStatus'), cell: (r) => t(keyOf('unitStatus', r.status)) },
                  { id: 'items', header: t('runItems'), cell: (r) => r.items },
                  { id: 'size', header: t('itemStored'), cell: (r) => formatBytes(r.bytes, language) },
                  { id: 'deletions', header: t('runDeletions'), cell: (r) => r.deletions },
                  { id: 'warnings', header: t('runWarnings'), cell: (r) => r.warnings.length },
                  { id: 'error', header: t('runError'), cell: (r) => r.error ?? '' },
                ]}
              />
            )}
            <Warnings resources={detail.resources} />
          </>
        )}
      </Loaded>
    </section>
  );
}
