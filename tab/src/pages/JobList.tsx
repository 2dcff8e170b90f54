import { Button, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { jobsDelete, jobsList, jobsRunNow, type JobsListQuery } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { JobView } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { FiguredProgress } from '../components/figured-progress.js';
import { formatBytes, formatCount, formatDateTime } from '../components/format.js';
import { ActionOutcome, SuccessNotice } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { retentionLabel } from '../components/retention.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { namedGroupsWithProfiles, useGroupNames } from './group-names.js';
import { jobProfilesText, profileOfGroup } from './job-plans.js';

/** A running job's bar with its figure: share of accounts finished (backed up or failed), items and bytes so far. */
function JobProgress({ job }: { job: JobView }) {
  const { t, language } = useLanguage();
  const progress = job.progress;
  const done = progress ? progress.resourcesDone + progress.resourcesFailed : 0;
  const total = progress?.resourcesTotal ?? 0;
  const share = total === 0 ? 0 : done / total;
  return (
    <FiguredProgress
      value={share}
      label={`${t('jobProgress')} ${job.name}`}
      figure={t('jobProgressFigure', {
        percent: Math.round(share * 100),
        done,
        total,
        items: formatCount(progress?.items ?? 0, language),
        size: formatBytes(progress?.bytes ?? 0, language),
      })}
    />
  );
}

/**
 * What a job backs up: the whole organisation, or its groups by name with each one's profile (by count for one who
 * may not list groups).
 */
function JobScope({ job, names }: { job: JobView; names: ReadonlyMap<string, string> }) {
  const { t } = useLanguage();
  const { scope } = job;
  if (scope.type === 'organisation') return t('jobScopeOrganisation');
  const { groupIds } = scope;
  const count = groupIds.length;
  const profileOf = (id: string) => profileOfGroup(scope, job.profile, id);
  return groupIds.some((id) => names.has(id))
    ? t('jobScopeGroupsCount', { count, names: namedGroupsWithProfiles(groupIds, names, profileOf, t) })
    : t('jobScopeGroupsOnly', { count });
}

interface JobListProps {
  /** "Crea job di backup": opens the job form. */
  readonly onCreate: () => void;
  readonly onEdit: (job: JobView) => void;
  /** What the job form just saved, said once above the list. */
  readonly saved: string | undefined;
}

/** The Overview's "JOB DI BACKUP": status, last and next run, progress, refresh, create, edit, run now, delete. */
export function JobList({ onCreate, onEdit, saved }: JobListProps) {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const [sort, setSort] = useState<NonNullable<JobsListQuery['sort']>>('name');
  const jobs = usePagedList((cursor) => jobsList(api, { query: { sort, cursor } }), `jobs-${sort}`);
  const action = useAction();
  // Progress bars move while a job runs: the list is read again until no job is running.
  const running = jobs.state.phase === 'ready' && jobs.state.value.some((job) => job.status === 'running');
  useRefreshWhile(running, jobs.state, jobs.state.reload);
  const groupNames = useGroupNames(
    jobs.state.phase === 'ready'
      ? jobs.state.value.flatMap((job) => (job.scope.type === 'groups' ? job.scope.groupIds : []))
      : [],
  );

  async function act(run: () => Promise<unknown>, success: string) {
    if (await action.run(run, success)) jobs.state.reload();
  }

  return (
    <section className="form" aria-labelledby="jobs-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="jobs-title">
        {t('overviewJobs')}
      </Title3>
      <div className="row">
        <Button onClick={jobs.state.reload}>{t('overviewRefresh')}</Button>
        <Button appearance="primary" onClick={onCreate}>
          {t('jobCreate')}
        </Button>
      </div>
      {saved && action.done === undefined && action.error === undefined && <SuccessNotice text={saved} />}
      <ActionOutcome error={action.error} done={action.done} />
      <PagedTable
        list={jobs}
        labelledBy="jobs-title"
        emptyText={t('overviewNoJobs')}
        rowKey={(job) => job.id}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          { id: 'name', header: t('jobName'), sortField: 'name', cell: (job) => job.name },
          { id: 'scope', header: t('jobScope'), cell: (job) => <JobScope job={job} names={groupNames} /> },
          {
            id: 'workloads',
            header: t('jobWorkloads'),
            cell: (job) => job.workloads.map((w) => t(keyOf('jobWorkloadShort', w))).join(', '),
          },
          { id: 'retention', header: t('jobRetention'), cell: (job) => retentionLabel(job.retentionYears, t) },
          { id: 'profile', header: t('jobProfile'), cell: (job) => jobProfilesText(job.scope, job.profile) },
          { id: 'status', header: t('jobStatus'), cell: (job) => t(keyOf('jobStatus', job.status)) },
          // The schedule and its runs in the job's own zone, named: the browser may be elsewhere.
          { id: 'schedule', header: t('jobSchedule'), cell: (job) => `${job.dailyTime} (${job.timeZone})` },
          {
            id: 'lastRun',
            header: t('jobLastRun'),
            cell: (job) => formatDateTime(job.lastRun?.queuedAt, language, t('never'), job.timeZone),
          },
          {
            id: 'nextRun',
            header: t('jobNextRun'),
            cell: (job) => formatDateTime(job.nextRunAt, language, '—', job.timeZone),
          },
          {
            id: 'progress',
            header: t('jobProgress'),
            cell: (job) => job.status === 'running' && <JobProgress job={job} />,
          },
          {
            id: 'actions',
            header: t('jobActions'),
            hiddenHeader: true,
            cell: (job) => (
              <div className="row">
                <Button
                  disabled={action.busy || job.status === 'running'}
                  onClick={() =>
                    void act(() => jobsRunNow(api, { params: { id: job.id } }), t('jobStarted', { name: job.name }))
                  }
                >
                  {t('jobRunNow')}
                </Button>
                <Button onClick={() => onEdit(job)}>{t('jobEdit')}</Button>
                <ConfirmButton
                  label={t('jobDelete')}
                  question={t('jobDeleteConfirm', { name: job.name })}
                  typeToConfirm={job.name}
                  typeLabel={t('jobName')}
                  disabled={action.busy}
                  onConfirm={() =>
                    void act(
                      () => jobsDelete(api, { params: { id: job.id }, body: { confirm: job.name } }),
                      t('jobDeleted', { name: job.name }),
                    )
                  }
                />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
