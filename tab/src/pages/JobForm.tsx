import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { jobsCreate, jobsUpdate, licenceRead } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { jobWorkloads, type JobView, type LicenceUsage, type RetentionYears } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ActionOutcome, InfoNotice } from '../components/messages.js';
import { retentionLabel } from '../components/retention.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { draftComplete, draftOf, groupIdsOf, groupProfileOf, settingsOf, type JobDraft } from './job-draft.js';
import { offeredProfiles, offeredTiers, type TierChoice } from './job-plans.js';
import { GroupPicker } from './GroupPicker.js';
import { GroupProfiles } from './GroupProfiles.js';
import { useGroupNames } from './group-names.js';
import { JobSummary } from './JobSummary.js';

/** The profiles and tiers the tenant bought, so that the person picks one the licence allows. */
function LicenceHint({ licence }: { licence: LicenceUsage | undefined }) {
  const { t } = useLanguage();
  if (!licence) return null;
  if (!licence.licensed) return <InfoNotice>{t('licenceNone')}</InfoNotice>;
  return (
    <InfoNotice>
      {t('jobLicenceHint', {
        plans: licence.plans
          .map((plan) =>
            t('jobLicencePlan', {
              profile: plan.profile,
              retention: retentionLabel(plan.retentionYears, t),
              used: plan.used,
              seats: plan.seats,
            }),
          )
          .join('; '),
      })}
    </InfoNotice>
  );
}

interface JobFormProps {
  /** The job to edit; a new job when absent. */
  readonly job?: JobView;
  readonly onSaved: (text: string) => void;
  readonly onCancel: () => void;
}

/** "Crea job di backup": scope, services, daily time, retention and profile, then a summary to confirm. */
export function JobForm({ job, onSaved, onCancel }: JobFormProps) {
  const { t } = useLanguage();
  const { api, tenant } = useSession();
  const allowed = tenant.setup.backupWorkloads;
  const [draft, setDraft] = useState<JobDraft>(() => draftOf(job, allowed));
  // The services ticked at setup; one a stored job still names after it was unticked stays, to be unticked here.
  const offered = jobWorkloads.filter((workload) => allowed.includes(workload) || draft.workloads.includes(workload));
  const [confirming, setConfirming] = useState(false);
  const save = useAction();
  const licence = useResource(() => licenceRead(api), 'licence');
  const licenceValue = licence.phase === 'ready' ? licence.value : undefined;
  const profiles = licenceValue ? offeredProfiles(licenceValue, job) : [draft.profile];
  const tiers = licenceValue
    ? offeredTiers(licenceValue, draft.profile, job)
    : [{ retentionYears: draft.retentionYears }];
  const update = (change: Partial<JobDraft>) => setDraft((current) => ({ ...current, ...change }));
  const chosenGroups = groupIdsOf(draft);
  const groupNames = useGroupNames(draft.scopeType === 'groups' ? chosenGroups : []);
  // Once the licence is read, a choice it does not offer (a new job's defaults) moves to the first one it does.
  const [firstProfile] = profiles;
  const [firstTier] = tiers;
  const profileOffered = profiles.includes(draft.profile);
  const tierOffered = tiers.some((tier) => tier.retentionYears === draft.retentionYears);
  useEffect(() => {
    if (!profileOffered && firstProfile !== undefined) update({ profile: firstProfile });
    else if (!tierOffered && firstTier !== undefined) update({ retentionYears: firstTier.retentionYears });
  }, [profileOffered, tierOffered, firstProfile, firstTier?.retentionYears]);
  const tierLabel = (tier: TierChoice) => {
    const years = retentionLabel(tier.retentionYears, t);
    if (tier.notBought) return t('jobTierNotBought', { retention: years });
    if (!tier.seats) return years;
    const { bought, left } = tier.seats;
    return t(left === 1 ? 'jobTierSeatLeft' : 'jobTierSeatsLeft', { retention: years, left, seats: bought });
  };
  const title = job ? t('jobEditTitle', { name: job.name }) : t('jobCreate');

  async function submit() {
    const settings = settingsOf(draft);
    let saved: JobView | undefined;
    const done = await save.run(async () => {
      saved = job
        ? await jobsUpdate(api, { params: { id: job.id }, body: settings })
        : await jobsCreate(api, { body: { ...settings, confirm: true } });
    });
    if (done && saved) onSaved(t(job ? 'jobSaved' : 'jobCreated', { name: saved.name }));
  }

  if (confirming) {
    return (
      <section className="page narrow" aria-labelledby="job-confirm-title">
        <Title2 as="h1" id="job-confirm-title">
          {t('jobConfirmTitle')}
        </Title2>
        <p>{t('jobConfirmIntro')}</p>
        <JobSummary settings={settingsOf(draft)} />
        <ActionOutcome error={save.error} done={undefined} />
        <div className="row">
          <Button
            onClick={() => {
              save.clear();
              setConfirming(false);
            }}
          >
            {t('back')}
          </Button>
          <Button appearance="primary" disabled={save.busy} onClick={() => void submit()}>
            {job ? t('jobSaveChanges') : t('jobAdd')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="page narrow" aria-labelledby="job-form-title">
      <Title2 as="h1" id="job-form-title">
        {title}
      </Title2>
      <form
        className="form"
        aria-labelledby="job-form-title"
        onSubmit={(event) => {
          event.preventDefault();
          setConfirming(true);
        }}
      >
        <Field label={t('jobName')} required>
          <Input value={draft.name} maxLength={80} onChange={(_, data) => update({ name: data.value })} />
        </Field>
        <Title3 as="h2" id="job-scope-title">
          {t('jobScope')}
        </Title3>
        <RadioGroup
          aria-labelledby="job-scope-title"
          value={draft.scopeType}
          onChange={(_, data) => update({ scopeType: data.value as JobDraft['scopeType'] })}
        >
          <Radio value="organisation" label={t('jobScopeOrganisation')} />
          <Radio value="groups" label={t('jobScopeGroups')} />
        </RadioGroup>
        {draft.scopeType === 'groups' && (
          <>
            <GroupPicker chosen={chosenGroups} onChange={(ids) => update({ groupIds: ids.join('\n') })} />
            <Field label={t('jobGroupIds')} hint={t('jobGroupIdsHint')} required>
              <Textarea value={draft.groupIds} rows={3} onChange={(_, data) => update({ groupIds: data.value })} />
            </Field>
          </>
        )}
        <Title3 as="h2" id="job-workloads-title">
          {t('jobWorkloads')}
        </Title3>
        {allowed.length < jobWorkloads.length && <p>{t('jobWorkloadsFromSetup')}</p>}
        <div role="group" aria-labelledby="job-workloads-title" className="form">
          {offered.map((workload) => (
            <Checkbox
              key={workload}
              label={t(keyOf('jobWorkload', workload))}
              checked={draft.workloads.includes(workload)}
              onChange={(_, data) =>
                update({
                  workloads: data.checked
                    ? [...draft.workloads, workload]
                    : draft.workloads.filter((w) => w !== workload),
                })
              }
            />
          ))}
        </div>
        <Field label={t('jobSchedule')} hint={t('jobScheduleHint', { zone: draft.timeZone })} required>
          <Input type="time" value={draft.dailyTime} onChange={(_, data) => update({ dailyTime: data.value })} />
        </Field>
        <Field label={t('jobProfile')} hint={t('jobProfileHint')}>
          <Select value={draft.profile} onChange={(_, data) => update({ profile: data.value })}>
            {profiles.map((profile) => (
              <option key={profile} value={profile}>
                {profile}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('jobRetention')}>
          <RadioGroup
            layout="horizontal"
            value={String(draft.retentionYears)}
            onChange={(_, data) => update({ retentionYears: Number(data.value) as RetentionYears })}
          >
            {tiers.map((tier) => (
              <Radio key={tier.retentionYears} value={String(tier.retentionYears)} label={tierLabel(tier)} />
            ))}
          </RadioGroup>
        </Field>
        {draft.scopeType === 'groups' && (
          <GroupProfiles
            groupIds={chosenGroups}
            names={groupNames}
            licence={licenceValue}
            retentionYears={draft.retentionYears}
            profileOf={(groupId) => groupProfileOf(draft, groupId)}
            onChange={(groupId, profile) => update({ groupProfiles: { ...draft.groupProfiles, [groupId]: profile } })}
          />
        )}
        <LicenceHint licence={licenceValue} />
        <div className="row">
          <Button onClick={onCancel}>{t('cancel')}</Button>
          <Button
            type="submit"
            appearance="primary"
            disabled={!draftComplete(draft) || !profileOffered || !tierOffered}
          >
            {t('jobReview')}
          </Button>
        </div>
      </form>
    </section>
  );
}
