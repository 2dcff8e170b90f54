import { Button, Field, Input, Tab, TabList, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { backupsFolders, backupsItems, backupsSearch } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { BackedUpFolder, ItemVersion } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { RestoreFolderTree } from './RestoreFolderTree.js';
import { RestoreItemTable } from './RestoreItemTable.js';

interface RestoreBrowserProps {
  readonly resourceId: string;
  /** The instant to browse at (undefined: the latest backup). */
  readonly at: string | undefined;
  readonly folder: BackedUpFolder | undefined;
  onFolder(folder: BackedUpFolder): void;
  readonly picked: readonly ItemVersion[];
  onToggle(version: ItemVersion, on: boolean): void;
  /** The words of the search shown, once one ran. */
  onSearched(words: readonly string[]): void;
}

function FolderItems({ resourceId, at, folder, picked, onToggle }: RestoreBrowserProps & { folder: BackedUpFolder }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const items = usePagedList(
    (cursor) => backupsItems(api, { params: { resourceId }, query: { containerId: folder.id, at, cursor, limit: 50 } }),
    `items-${resourceId}-${folder.id}-${at ?? 'latest'}`,
  );
  return (
    <>
      <Title3 as="h2" id="restore-items-title">
        {t('restoreItemsOf', { folder: folder.path || folder.displayName })}
      </Title3>
      <RestoreItemTable
        labelledBy="restore-items-title"
        list={items}
        emptyText={t('restoreFolderEmpty')}
        picked={new Set(picked.map((version) => version.id))}
        onToggle={onToggle}
      />
    </>
  );
}

function SearchResults({ resourceId, words, picked, onToggle }: RestoreBrowserProps & { words: readonly string[] }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const results = usePagedList(
    (cursor) => backupsSearch(api, { query: { q: words.join(' '), resourceId, cursor, limit: 50 } }),
    `search-${resourceId}-${words.join(' ')}`,
  );
  return (
    <>
      <Title3 as="h2" id="restore-results-title">
        {t('restoreResultsFor', { words: words.join(' ') })}
      </Title3>
      <RestoreItemTable
        labelledBy="restore-results-title"
        list={results}
        emptyText={t('restoreSearchEmpty')}
        picked={new Set(picked.map((version) => version.id))}
        onToggle={onToggle}
      />
    </>
  );
}

/** Browse the account's folders as of the chosen instant, or search its items by words. */
export function RestoreBrowser(props: RestoreBrowserProps) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [mode, setMode] = useState<'browse' | 'search'>('browse');
  const [typed, setTyped] = useState('');
  const [words, setWords] = useState<readonly string[]>([]);
  const folders = useResource(
    () => backupsFolders(api, { params: { resourceId: props.resourceId } }),
    `folders-${props.resourceId}`,
  );
  return (
    <>
      <TabList selectedValue={mode} onTabSelect={(_, data) => setMode(data.value as 'browse' | 'search')}>
        <Tab value="browse">{t('restoreBrowse')}</Tab>
        <Tab value="search">{t('restoreSearch')}</Tab>
      </TabList>
      {mode === 'browse' ? (
        <Loaded state={folders}>
          {({ items }) =>
            items.length === 0 ? (
              <InfoNotice>{t('restoreNoFolders')}</InfoNotice>
            ) : (
              <div className="restore-browser">
                <RestoreFolderTree folders={items} chosen={props.folder} onChoose={props.onFolder} />
                <div className="restore-items">
                  {props.folder ? (
                    <FolderItems {...props} folder={props.folder} />
                  ) : (
                    <InfoNotice>{t('restoreChooseFolder')}</InfoNotice>
                  )}
                </div>
              </div>
            )
          }
        </Loaded>
      ) : (
        <>
          <form
            className="row"
            role="search"
            aria-label={t('restoreSearch')}
            onSubmit={(event) => {
              event.preventDefault();
              const next = typed.split(/\s+/).filter(Boolean);
              setWords(next);
              props.onSearched(next);
            }}
          >
            <Field label={t('restoreSearchWords')} hint={t('restoreSearchHint')}>
              <Input value={typed} onChange={(_, data) => setTyped(data.value)} />
            </Field>
            <Button type="submit" appearance="primary" disabled={typed.trim() === ''}>
              {t('restoreSearchButton')}
            </Button>
          </form>
          {words.length > 0 && <SearchResults {...props} words={words} />}
        </>
      )}
    </>
  );
}
