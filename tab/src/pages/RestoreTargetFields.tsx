import { Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { type BackedUpResource, type ConflictPolicy, type RestoreTarget, conflictPolicies } from '../api/model.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { guidPattern, mailboxOwnerId } from './restore-choice.js';

export interface TargetDraft {
  readonly type: RestoreTarget['type'];
  readonly userId: string;
}

/** The API's target for the draft, or undefined while another person's id is not a GUID. */
export function targetOf(draft: TargetDraft): RestoreTarget | undefined {
  if (draft.type !== 'otherUser') return { type: draft.type };
  const userId = draft.userId.trim();
  return guidPattern.test(userId) ? { type: 'otherUser', userId } : undefined;
}

/** Where the items go (original place, a new dated folder, another person) and what happens on a conflict. */
export function RestoreTargetFields({
  target,
  onTarget,
  policy,
  onPolicy,
  accounts,
}: {
  target: TargetDraft;
  onTarget: (target: TargetDraft) => void;
  policy: ConflictPolicy;
  onPolicy: (policy: ConflictPolicy) => void;
  accounts: readonly BackedUpResource[];
}) {
  const { t } = useLanguage();
  const people = accounts.flatMap((account) => {
    const userId = mailboxOwnerId(account.id);
    return userId ? [{ userId, label: `${account.displayName} (${account.ownerEmail ?? userId})` }] : [];
  });
  const invalid = target.type === 'otherUser' && targetOf(target) === undefined;
  return (
    <>
      <Field label={t('restoreTarget')}>
        <RadioGroup
          value={target.type}
          onChange={(_, data) => onTarget({ ...target, type: data.value as TargetDraft['type'] })}
        >
          <Radio value="original" label={t('restoreTarget_original')} />
          <Radio value="newFolder" label={t('restoreTarget_newFolder')} />
          <Radio value="otherUser" label={t('restoreTarget_otherUser')} />
        </RadioGroup>
      </Field>
      {target.type === 'otherUser' && (
        <div className="row">
          <Field label={t('restoreOtherPerson')}>
            <Select value={target.userId} onChange={(_, data) => onTarget({ ...target, userId: data.value })}>
              <option value="">{t('restoreOtherPersonChoose')}</option>
              {people.map((person) => (
                <option key={person.userId} value={person.userId}>
                  {person.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('restoreOtherUserId')}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? t('restoreOtherUserIdInvalid') : t('restoreOtherUserIdHint')}
          >
            <Input value={target.userId} onChange={(_, data) => onTarget({ ...target, userId: data.value })} />
          </Field>
        </div>
      )}
      <Field label={t('restoreConflict')}>
        <RadioGroup value={policy} onChange={(_, data) => onPolicy(data.value as ConflictPolicy)}>
          {conflictPolicies.map((p) => (
            <Radio
              key={p}
              value={p}
              label={{
                children: (
                  <>
                    <strong>{t(keyOf('restoreConflict', p))}</strong> — {t(keyOf('restoreConflictHint', p))}
                  </>
                ),
              }}
            />
          ))}
        </RadioGroup>
      </Field>
    </>
  );
}
