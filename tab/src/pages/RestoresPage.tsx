import { Button, Link, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { restoresList, type RestoresListQuery } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { restoreUnfinished } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { formatDateTime } from '../components/format.js';
import { InfoNotice } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { mayRestore } from './restore-access.js';
import { describeSelection, useAccountNames } from './restore-describe.js';
import { percentOf, RestoreProgressBar } from './restore-progress.js';
import { RestoreDetailView } from './RestoreDetailView.js';

/** "Ripristini": every restore of the tenant, newest first, with its progress; one opens with its items. */
export function RestoresPage() {
  const { t, language } = useLanguage();
  const { api, me } = useSession();
  const [sort, setSort] = useState<NonNullable<RestoresListQuery['sort']>>('-requestedAt');
  const [viewing, setViewing] = useState<string | undefined>(undefined);
  const nameOf = useAccountNames(api);
  const restores = usePagedList((cursor) => restoresList(api, { query: { sort, cursor } }), `restores-${sort}`);
  const loaded = restores.state.phase === 'ready' ? restores.state.value : [];
  useRefreshWhile(
    loaded.some((restore) => restoreUnfinished(restore.status)),
    loaded,
    restores.state.reload,
  );
  if (viewing) {
    return (
      <RestoreDetailView
        restoreId={viewing}
        onBack={() => {
          setViewing(undefined);
          restores.state.reload();
        }}
      />
    );
  }
  return (
    <section className="page" aria-labelledby="restores-title">
      <Title2 as="h1" id="restores-title">
        {t('restoresTitle')}
      </Title2>
      {!mayRestore(me.role) && <InfoNotice>{t('restoreNotForRole')}</InfoNotice>}
      <div>
        <Button onClick={restores.state.reload}>{t('refresh')}</Button>
      </div>
      <PagedTable
        list={restores}
        labelledBy="restores-title"
        emptyText={t('restoresEmpty')}
        rowKey={(restore) => restore.id}
        sort={{ value: sort, onChange: setSort }}
        columns={[
          {
            id: 'when',
            header: t('restoresWhen'),
            sortField: 'requestedAt',
            cell: (restore) => (
              <Link as="button" onClick={() => setViewing(restore.id)}>
                {formatDateTime(restore.requestedAt, language, '')}
              </Link>
            ),
          },
          { id: 'status', header: t('jobStatus'), cell: (restore) => t(keyOf('restoreStatus', restore.status)) },
          { id: 'requester', header: t('restoresRequester'), cell: (restore) => restore.requestedBy },
          { id: 'what', header: t('restoreSummaryWhat'), cell: (restore) => describeSelection(restore, t, nameOf) },
          {
            id: 'progress',
            header: t('jobProgress'),
            cell: (restore) => (
              <RestoreProgressBar
                progress={restore.progress}
                label={t('restoreProgressLabel', { percent: Math.round(percentOf(restore.progress) * 100) })}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
