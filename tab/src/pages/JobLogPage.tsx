import { Button, Field, Link, Select, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { jobsList, runsList, type RunsListQuery } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { runStatuses, type RunStatus } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useResource } from '../api/use-resource.js';
import { dayRangeQuery } from '../components/day-range.js';
import { FilterForm } from '../components/filter-form.js';
import { formatDateTime } from '../components/format.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { RunDetailView } from './RunDetailView.js';

interface Filters {
  jobId: string;
  status: RunStatus | '';
  from: string;
  to: string;
}

const noFilters: Filters = { jobId: '', status: '', from: '', to: '' };

/** "Log": every run of the backup jobs, filtered by job, status and dates; a run opens with its accounts. */
export function JobLogPage() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<NonNullable<RunsListQuery['sort']>>('-queuedAt');
  const [viewing, setViewing] = useState<{ id: string; jobId: string } | undefined>(undefined);
  const jobs = useResource(() => jobsList(api, { query: { limit: 200 } }), 'jobs');
  // A run's times read in its job's zone, as its schedule does; a deleted job's runs in the browser's, named too.
  const zones = new Map(jobs.phase === 'ready' ? jobs.value.items.map((job) => [job.id, job.timeZone]) : []);
  const runs = usePagedList(
    (cursor) =>
      runsList(api, {
        query: {
          sort,
          cursor,
          jobId: applied.jobId || undefined,
          status: applied.status || undefined,
          ...dayRangeQuery(applied.from, applied.to),
        },
      }),
    JSON.stringify({ applied, sort }),
  );

  if (viewing) {
    return (
      <RunDetailView
        runId={viewing.id}
        timeZone={zones.get(viewing.jobId)}
        onBack={() => {
          setViewing(undefined);
          runs.state.reload();
        }}
      />
    );
  }
  return (
    <section className="page" aria-labelledby="log-title">
      <Title2 as="h1" id="log-title">
        {t('logTitle')}
      </Title2>
      <FilterForm label={t('logFilters')} draft={draft} onDraft={setDraft} onApply={() => setApplied(draft)}>
        <Field label={t('jobName')}>
          <Select value={draft.jobId} onChange={(_, data) => setDraft({ ...draft, jobId: data.value })}>
            <option value="">{t('logAllJobs')}</option>
            {jobs.phase === 'ready' &&
              jobs.value.items.map((job) => (
                <option key={job.id} value={job.id}>
                  {job.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label={t('jobStatus')}>
          <Select
            value={draft.status}
            onChange={(_, data) => setDraft({ ...draft, status: data.value as Filters['status'] })}
          >
            <option value="">{t('logAllStatuses')}</option>
            {runStatuses.map((status) => (
              <option key={status} value={status}>
                {t(keyOf('runStatus', status))}
              </option>
            ))}
          </Select>
        </Field>
      </FilterForm>
      <div>
        <Button onClick={runs.state.reload}>{t('refresh')}</Button>
      </div>
      <PagedTable
        list={runs}
        labelledBy="log-title"
        emptyText={JSON.stringify(applied) === JSON.stringify(noFilters) ? t('logEmpty') : t('logNoneMatch')}
        rowKey={(run) => run.id}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          {
            id: 'queued',
            header: t('logWhen'),
            sortField: 'queuedAt',
            cell: (run) => (
              <Link as="button" onClick={() => setViewing({ id: run.id, jobId: run.jobId })}>
                {formatDateTime(run.queuedAt, language, '', zones.get(run.jobId))}
              </Link>
            ),
          },
          { id: 'job', header: t('jobName'), cell: (run) => run.jobName },
          { id: 'status', header: t('jobStatus'), cell: (run) => t(keyOf('runStatus', run.status)) },
          {
            id: 'trigger',
            header: t('runTrigger'),
            cell: (run) => t(keyOf('runTrigger', run.trigger), { who: run.requestedBy }),
          },
          {
            id: 'finished',
            header: t('runFinished'),
            cell: (run) => formatDateTime(run.finishedAt, language, '—', zones.get(run.jobId)),
          },
        ]}
      />
    </section>
  );
}
