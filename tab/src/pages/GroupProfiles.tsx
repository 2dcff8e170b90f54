import { Field, Select, Text, Title3 } from '@fluentui/react-components';
import type { LicenceUsage, RetentionYears } from '../api/model.js';
import { useLanguage } from '../i18n/language.js';
import { offeredGroupProfiles, type GroupProfileChoice } from './job-plans.js';

interface GroupProfilesProps {
  readonly groupIds: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  readonly licence: LicenceUsage | undefined;
  readonly retentionYears: RetentionYears;
  /** The profile each group has now: its own or the job's. */
  readonly profileOf: (groupId: string) => string;
  readonly onChange: (groupId: string, profile: string) => void;
}

/**
 * The guide's "select the group, then associate the profile": a profile for each chosen group, among those bought at
 * the job's retention tier with seats left. Each choice is named by its group, so that the page's one "Profile" is
 * still the job's.
 */
export function GroupProfiles({ groupIds, names, licence, retentionYears, profileOf, onChange }: GroupProfilesProps) {
  const { t } = useLanguage();
  const label = (choice: GroupProfileChoice) => {
    if (choice.bought === 0) return t('jobGroupProfileNotBought', { profile: choice.profile });
    const key = choice.left === 1 ? 'jobGroupProfileSeatLeft' : 'jobGroupProfileSeatsLeft';
    return t(key, { profile: choice.profile, left: choice.left, seats: choice.bought });
  };
  if (groupIds.length === 0) return null;
  return (
    <div className="form">
      <Title3 as="h2">{t('jobGroupProfilesTitle')}</Title3>
      <Text>{t('jobGroupProfilesHint')}</Text>
      {groupIds.map((groupId) => {
        const profile = profileOf(groupId);
        return (
          <Field key={groupId} label={names.get(groupId) ?? groupId}>
            <Select value={profile} onChange={(_, data) => onChange(groupId, data.value)}>
              {offeredGroupProfiles(licence, retentionYears, profile).map((choice) => (
                <option key={choice.profile} value={choice.profile}>
                  {label(choice)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
