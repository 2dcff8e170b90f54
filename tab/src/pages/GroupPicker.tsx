import { Button, Checkbox, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { directoryGroups, type DirectoryGroupsResponse } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { usePagedList } from '../api/use-paged-list.js';
import { ErrorNotice, InfoNotice, Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { namedGroups, useGroupNames, useSettled } from './group-names.js';

type Group = DirectoryGroupsResponse['items'][number];

/** Groups the directory answers per page: "Show more groups" reads the next. */
const GROUPS_PER_PAGE = 50;

/**
 * The tenant's Microsoft 365 groups by name, a page at a time and searched by the directory, to tick the ones a job
 * covers; ticking adds or removes the group's id in the list of ids below it (which also takes ids typed by hand).
 * The groups chosen are named above the list, wherever they are in it.
 */
export function GroupPicker({ chosen, onChange }: { chosen: string[]; onChange(ids: string[]): void }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [words, setWords] = useState('');
  const wanted = useSettled(words.trim());
  const groups = usePagedList(
    (cursor) =>
      directoryGroups(api, {
        query: { limit: GROUPS_PER_PAGE, ...(wanted && { q: wanted }), ...(cursor && { cursor }) },
      }),
    `directory-groups:${wanted}`,
  );
  const names = useGroupNames(chosen);
  const toggle = (group: Group, on: boolean) =>
    onChange(on ? [...chosen, group.id] : chosen.filter((id) => id !== group.id));
  return (
    <div role="group" aria-label={t('jobGroupsPick')} className="form">
      {chosen.length > 0 && <Text>{t('jobGroupsChosen', { names: namedGroups(chosen, names) })}</Text>}
      <Field label={t('jobGroupsSearch')}>
        <Input type="search" value={words} onChange={(_, data) => setWords(data.value)} />
      </Field>
      <Loaded state={groups.state}>
        {(shown) => (
          <>
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
                onChange={(_, data) => toggle(group, data.checked === true)}
              />
            ))}
            {groups.more.error !== undefined && <ErrorNotice error={groups.more.error} onRetry={groups.loadMore} />}
            {groups.hasMore && (
              <div>
                <Button disabled={groups.more.busy} onClick={groups.loadMore}>
                  {t('jobGroupsMore')}
                </Button>
              </div>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
