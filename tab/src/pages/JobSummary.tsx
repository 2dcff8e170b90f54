import type { JobSettings } from '../api/model.js';
import { retentionLabel } from '../components/retention.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { namedGroupsWithProfiles, useGroupNames } from './group-names.js';
import { jobProfilesText, profileOfGroup } from './job-plans.js';

/** A job's settings in words: the confirmation step of the job form reads them back before saving. */
export function JobSummary({ settings }: { settings: JobSettings }) {
  const { t } = useLanguage();
  const { scope } = settings;
  const names = useGroupNames(scope.type === 'groups' ? scope.groupIds : []);
  return (
    <dl className="facts">
      <dt>{t('jobName')}</dt>
      <dd>{settings.name}</dd>
      <dt>{t('jobScope')}</dt>
      <dd>
        {scope.type === 'organisation'
          ? t('jobScopeOrganisation')
          : t('jobScopeGroupsCount', {
              count: scope.groupIds.length,
              names: namedGroupsWithProfiles(
                scope.groupIds,
                names,
                (id) => profileOfGroup(scope, settings.profile, id),
                t,
              ),
            })}
      </dd>
      <dt>{t('jobWorkloads')}</dt>
      <dd>{settings.workloads.map((w) => t(keyOf('jobWorkload', w))).join(', ')}</dd>
      <dt>{t('jobSchedule')}</dt>
      <dd>{t('jobDailyAt', { time: settings.dailyTime, zone: settings.timeZone })}</dd>
      <dt>{t('jobRetention')}</dt>
      <dd>{retentionLabel(settings.retentionYears, t)}</dd>
      <dt>{t('jobProfile')}</dt>
      <dd>{jobProfilesText(scope, settings.profile)}</dd>
    </dl>
  );
}
