import { Button, Field, Input, Select, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { meBackupsFolders, meBackupsItems, meBackupsPoints, meBackupsSearch } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import type { BackedUpResource, ItemVersion, RestoreView } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { browseInstant, type PointChoice } from '../pages/restore-choice.js';
import { RestoreItemTable } from '../pages/RestoreItemTable.js';
import { RestorePointPicker } from '../pages/RestorePointPicker.js';
import { OwnRestoreActions } from './OwnRestoreActions.js';

const pageSize = 50;

function isInbox(folder: { wellKnownName: string | null; deleted: boolean }): boolean {
  return folder.wellKnownName === 'inbox' && !folder.deleted;
}

/** One account of the person: its folders as of a backup, or a search in all their backups; pick, then act. */
function AccountBrowser(props: {
  api: ApiClient;
  resource: BackedUpResource;
  onRequested: (restore: RestoreView) => void;
}) {
  const { api, resource, onRequested } = props;
  const { t } = useLanguage();
  const [point, setPoint] = useState<PointChoice>({ kind: 'latest' });
  const [folderId, setFolderId] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const [words, setWords] = useState('');
  const [picked, setPicked] = useState<ReadonlyMap<string, ItemVersion>>(new Map());
  const folders = useResource(
    () => meBackupsFolders(api, { params: { resourceId: resource.id } }),
    `own-folders-${resource.id}`,
  );
  const listed = folders.phase === 'ready' ? folders.value.items : [];
  // Until the person picks one: the Inbox (the folders come sorted by path, where an archive may come first).
  const folder = listed.find((f) => f.id === folderId) ?? listed.find(isInbox) ?? listed[0];
  const at = browseInstant(point);
  const list = usePagedList<ItemVersion>(
    (cursor) =>
      words
        ? meBackupsSearch(api, { query: { q: words, resourceId: resource.id, limit: pageSize, cursor } })
        : folder
          ? meBackupsItems(api, {
              params: { resourceId: resource.id },
              query: { containerId: folder.id, at, limit: pageSize, cursor },
            })
          : Promise.resolve({ items: [], nextCursor: null }),
    `own-items-${resource.id}-${folder?.id}-${at}-${words}`,
  );

  function toggle(version: ItemVersion, on: boolean) {
    setPicked((current) => {
      const next = new Map(current);
      if (on) next.set(version.id, version);
      else next.delete(version.id);
      return next;
    });
  }

  return (
    <>
      <div className="own-filters">
        <RestorePointPicker
          loadPoints={() => meBackupsPoints(api, { params: { resourceId: resource.id } })}
          pointsKey={`own-points-${resource.id}`}
          point={point}
          onPoint={setPoint}
        />
        <Loaded state={folders}>
          {(loaded) =>
            loaded.items.length === 0 ? (
              <InfoNotice>{t('myBackupsNoFolders')}</InfoNotice>
            ) : (
              <Field label={t('myBackupsFolder')}>
                <Select value={folder?.id ?? ''} onChange={(_, data) => setFolderId(data.value)}>
                  {loaded.items.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.deleted ? t('myBackupsFolderDeleted', { path: f.path }) : f.path}
                    </option>
                  ))}
                </Select>
              </Field>
            )
          }
        </Loaded>
      </div>
      <form
        role="search"
        className="own-search"
        onSubmit={(event) => {
          event.preventDefault();
          setWords(typed.trim());
        }}
      >
        <Field label={t('myBackupsSearch')}>
          <Input type="search" value={typed} onChange={(_, data) => setTyped(data.value)} />
        </Field>
        <Button type="submit" disabled={!typed.trim()}>
          {t('myBackupsSearchButton')}
        </Button>
        {words && (
          <Button
            onClick={() => {
              setTyped('');
              setWords('');
            }}
          >
            {t('myBackupsSearchClear')}
          </Button>
        )}
      </form>
      <Title3 as="h2" id="own-items-title">
        {words ? t('myBackupsSearchTitle', { words }) : t('myBackupsItemsTitle')}
      </Title3>
      <RestoreItemTable
        withFolder={false}
        labelledBy="own-items-title"
        list={list}
        emptyText={words ? t('myBackupsNoMatches') : t('myBackupsNoItems')}
        picked={new Set(picked.keys())}
        onToggle={toggle}
      />
      <OwnRestoreActions
        api={api}
        versionIds={[...picked.keys()]}
        onRequested={(restore) => {
          setPicked(new Map());
          onRequested(restore);
        }}
      />
    </>
  );
}

/**
 * An account as the person knows it: "Mailbox", "OneDrive". They are all the person's own, so the kind says which;
 * the name is added only to tell apart two of a kind ("OneDrive — Marco Russo" already names itself: no prefix).
 */
function accountLabel(resource: BackedUpResource, all: readonly BackedUpResource[], kind: string): string {
  const alike = all.filter((other) => other.kind === resource.kind).length;
  if (alike === 1) return kind;
  return resource.displayName.startsWith(kind) ? resource.displayName : `${kind} — ${resource.displayName}`;
}

/** The person's backed-up accounts (mailbox, OneDrive), one browsed at a time. */
export function OwnBackupBrowser(props: {
  api: ApiClient;
  resources: readonly BackedUpResource[];
  onRequested: (restore: RestoreView) => void;
}) {
  const { api, resources, onRequested } = props;
  const { t } = useLanguage();
  const [resourceId, setResourceId] = useState(resources[0]?.id);
  const resource = resources.find((r) => r.id === resourceId) ?? resources[0];
  if (!resource) return <InfoNotice>{t('myBackupsNoAccounts')}</InfoNotice>;
  return (
    <>
      <Field label={t('myBackupsAccount')}>
        <Select value={resource.id} onChange={(_, data) => setResourceId(data.value)}>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {accountLabel(r, resources, t(keyOf('myBackupsKind', r.kind)))}
            </option>
          ))}
        </Select>
      </Field>
      <AccountBrowser key={resource.id} api={api} resource={resource} onRequested={onRequested} />
    </>
  );
}
