import { Checkbox, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { directoryGroups } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';

/**
 * The tenant's Microsoft 365 groups by name, to tick the ones a job covers; ticking adds or removes the group's id in
 * the list of ids below it (which also takes ids typed by hand).
 */
export function GroupPicker({ chosen, onChange }: { chosen: string[]; onChange(ids: string[]): void }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [words, setWords] = useState('');
  const groups = useResource(() => directoryGroups(api, { query: { limit: 200 } }), 'directory-groups');
  return (
    <Loaded state={groups}>
      {(page) => {
        const wanted = words.trim().toLocaleLowerCase();
        const shown = page.items.filter((group) =>
          `${group.displayName} ${group.mail ?? ''}`.toLocaleLowerCase().includes(wanted),
        );
        return (
          <div role="group" aria-label={t('jobGroupsPick')} className="form">
            <Field label={t('jobGroupsSearch')}>
              <Input type="search" value={words} onChange={(_, data) => setWords(data.value)} />
            </Field>
            {shown.length === 0 && <InfoNotice>{t('jobGroupsNone')}</InfoNotice>}
            {shown.map((group) => (
              <Checkbox
                key={group.id}
                checked={chosen.includes(group.id)}
                label={
                  <Text>
                    {group.displayName}
                    {group.mail ? ` — ${group.mail}` : ''}
                    {group.hasTeam ? ` (${t('jobGroupHasTeam')})` : ''}
                  </Text>
                }
                onChange={(_, data) =>
                  onChange(data.checked ? [...chosen, group.id] : chosen.filter((id) => id !== group.id))
                }
              />
            ))}
          </div>
        );
      }}
    </Loaded>
  );
}
