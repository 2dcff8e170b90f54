import { Button, Text, Title3 } from '@fluentui/react-components';
import { meRestoresCreate } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import type { ItemVersion } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome, InfoNotice, Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { useApiClient } from '../self-service/use-api-client.js';
import { openMessage } from './office-mailbox.js';
import { loadPaneData, type PaneData } from './pane-data.js';

/** One backed-up message with its one-click restore to where it was. */
function VersionRow({ api, version, dateText }: { api: ApiClient; version: ItemVersion; dateText: string }) {
  const { t } = useLanguage();
  const action = useAction();
  return (
    <li className="pane-item">
      <Text weight="semibold">{version.name}</Text>
      <Text size={200}>{dateText}</Text>
      <Button
        size="small"
        appearance="primary"
        aria-label={t('outlookRestoreOne', { name: version.name })}
        disabled={action.busy || action.done !== undefined}
        onClick={() =>
          void action.run(
            () =>
              meRestoresCreate(api, {
                body: {
                  selection: { type: 'versions', versionIds: [version.id] },
                  target: { type: 'original' },
                  conflictPolicy: 'skip',
                },
              }),
            'requested',
          )
        }
      >
        {t('outlookRestoreButton')}
      </Button>
      {/* The sentence is built at render time, so it follows a language switch. */}
      <ActionOutcome error={action.error} done={action.done && t('outlookRestored', { name: version.name })} />
    </li>
  );
}

function VersionList(props: { api: ApiClient; id: string; title: string; empty: string; versions: ItemVersion[] }) {
  const { api, id, title, empty, versions } = props;
  const { t, language } = useLanguage();
  const when = (iso: string) => formatDateTime(iso, language, '');
  return (
    <section aria-labelledby={id}>
      <Title3 as="h2" id={id}>
        {title}
      </Title3>
      {versions.length === 0 ? (
        <InfoNotice>{empty}</InfoNotice>
      ) : (
        <ul className="pane-list" aria-labelledby={id}>
          {versions.map((version) => (
            <VersionRow
              key={version.id}
              api={api}
              version={version}
              dateText={
                version.deletedAt
                  ? t('outlookDeletedOn', { date: when(version.deletedAt) })
                  : t('outlookBackedUp', { date: when(version.backedUpFrom) })
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the backups hold of the open message: its conversation's versions, then what was deleted from its folder. */
function PaneLists({ api, data }: { api: ApiClient; data: PaneData }) {
  const { t } = useLanguage();
  const lists = [
    { id: 'pane-versions', title: t('outlookVersionsTitle'), empty: t('outlookNoVersions'), versions: data.versions },
    { id: 'pane-deleted', title: t('outlookDeletedTitle'), empty: t('outlookNoDeleted'), versions: data.deleted },
  ];
  return (
    <>
      {lists.map((list) => (
        <VersionList key={list.id} api={api} {...list} />
      ))}
    </>
  );
}

/**
 * The Outlook task pane on a message: earlier backed-up versions of its conversation and the messages deleted from
 * its folder, each restored in place with one click, from the signed-in person's own mailbox backups only.
 */
export function OutlookPane({ token }: { token: string }) {
  const { t, language } = useLanguage();
  const api = useApiClient(token);
  const message = openMessage();
  const subject = message?.subject ?? '';
  const conversationId = message?.conversationId;
  const data = useResource(() => loadPaneData(api, conversationId), `pane-${conversationId ?? ''}-${language}`);
  return (
    <div className="page pane">
      <Title3 as="h1">{t('outlookTitle')}</Title3>
      {subject && <Text as="p">{t('outlookMessage', { subject })}</Text>}
      {/* Without an open message (outside Outlook) there is no conversation to look for: say so, and nothing else. */}
      {conversationId ? (
        <Loaded state={data}>{(loaded) => <PaneLists api={api} data={loaded} />}</Loaded>
      ) : (
        <InfoNotice>{t('outlookNoMessage')}</InfoNotice>
      )}
    </div>
  );
}
