import {
  Button,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import { useSession } from '../api/session.js';
import type { JobView, Page } from '../api/types.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';

function percentDone(job: JobView): number {
  const progress = job.progress;
  if (!progress || progress.resourcesTotal === 0) return 0;
  return (progress.resourcesDone + progress.resourcesFailed) / progress.resourcesTotal;
}

/** The Overview's "JOB DI BACKUP": status, last and next run, progress, refresh, run now, delete. */
export function JobList() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const jobs = useResource(() => api.get<Page<JobView>>('/jobs'), 'jobs');
  const action = useAction();

  async function act(run: () => Promise<unknown>, success: string) {
    if (await action.run(run, success)) jobs.reload();
  }

  return (
    <section className="form" aria-labelledby="jobs-title" style={{ maxWidth: 'none' }}>
      <Title3 as="h2" id="jobs-title">
        {t('overviewJobs')}
      </Title3>
      <div>
        <Button onClick={jobs.reload}>{t('overviewRefresh')}</Button>
      </div>
      <ActionOutcome error={action.error} done={action.done} />
      <Loaded state={jobs}>
        {(page) =>
          page.items.length === 0 ? (
            <InfoNotice>{t('overviewNoJobs')}</InfoNotice>
          ) : (
            <Table aria-labelledby="jobs-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('jobName')}</TableHeaderCell>
                  <TableHeaderCell>{t('jobStatus')}</TableHeaderCell>
                  <TableHeaderCell>{t('jobSchedule')}</TableHeaderCell>
                  <TableHeaderCell>{t('jobLastRun')}</TableHeaderCell>
                  <TableHeaderCell>{t('jobNextRun')}</TableHeaderCell>
                  <TableHeaderCell>{t('jobProgress')}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="visually-hidden">{t('jobRunNow')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((job) => (
                  <TableRow key={job.id}>
                    <TableCell>{job.name}</TableCell>
                    <TableCell>{t(keyOf('jobStatus', job.status))}</TableCell>
                    <TableCell>{job.dailyTime}</TableCell>
                    <TableCell>{formatDateTime(job.lastRun?.queuedAt, language, t('never'))}</TableCell>
                    <TableCell>{formatDateTime(job.nextRunAt, language, '—')}</TableCell>
                    <TableCell>
                      {job.status === 'running' && (
                        <ProgressBar value={percentDone(job)} aria-label={`${t('jobProgress')} ${job.name}`} />
                      )}
                    </TableCell>
                    <TableCell>
                      <div className="row">
                        <Button
                          disabled={action.busy || job.status === 'running'}
                          onClick={() =>
                            void act(
                              () => api.send('POST', `/jobs/${job.id}/runs`),
                              t('jobStarted', { name: job.name }),
                            )
                          }
                        >
                          {t('jobRunNow')}
                        </Button>
                        <ConfirmButton
                          label={t('jobDelete')}
                          question={t('jobDeleteConfirm', { name: job.name })}
                          typeToConfirm={job.name}
                          typeLabel={t('jobName')}
                          disabled={action.busy}
                          onConfirm={() =>
                            void act(
                              () => api.send('DELETE', `/jobs/${job.id}`, { confirm: job.name }),
                              t('jobDeleted', { name: job.name }),
                            )
                          }
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
    </section>
  );
}
