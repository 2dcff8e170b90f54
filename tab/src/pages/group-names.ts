import { useEffect, useState } from 'react';
import { directoryGroups } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import type { Translate } from '../i18n/language.js';

/** The API names at most this many groups per request. */
const IDS_PER_REQUEST = 100;

/** `value` once it has stayed the same for `ms`: a search or a list of ids typed by hand is read when typing pauses. */
export function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The names of Microsoft 365 groups by id, read from the directory (`ids`): a job stores ids, people read names. A
 * group the directory no longer has, or a reader who may not list groups, gets no name: show its id or a count.
 */
export function useGroupNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const { api } = useSession();
  const key = useSettled([...new Set(ids)].sort().join(','));
  const names = useResource(async () => {
    const wanted = key === '' ? [] : key.split(',');
    const found = new Map<string, string>();
    for (let start = 0; start < wanted.length; start += IDS_PER_REQUEST) {
      const chunk = wanted.slice(start, start + IDS_PER_REQUEST).join(',');
      const page = await directoryGroups(api, { query: { ids: chunk, limit: IDS_PER_REQUEST } });
      for (const group of page.items) found.set(group.id, group.displayName);
    }
    return found;
  }, `group-names:${key}`);
  return names.phase === 'ready' ? names.value : new Map();
}

/** Group ids as people read them: each group's name, or its id when the directory has none. */
export function namedGroups(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

/** Groups as people read them, each with the profile its people are protected under: "Vendite (Gold), …". */
export function namedGroupsWithProfiles(
  ids: readonly string[],
  names: ReadonlyMap<string, string>,
  profileOf: (id: string) => string,
  t: Translate,
): string {
  return ids.map((id) => t('jobGroupWithProfile', { name: names.get(id) ?? id, profile: profileOf(id) })).join(', ');
}
