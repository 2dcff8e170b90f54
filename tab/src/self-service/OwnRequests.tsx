import { Button, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { meRestoresList } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import { restoreUnfinished } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { formatDateTime } from '../components/format.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import { OwnRequestDetail } from './OwnRequestDetail.js';
import { RestoreProgressBar } from '../pages/restore-progress.js';
import { describeSelection } from './restore-wording.js';

/** The person's restore requests, newest first, read again while one is unfinished; one opens with its items. */
export function OwnRequests({ api, generation, opened }: { api: ApiClient; generation: number; opened?: string }) {
  const { t, language } = useLanguage();
  const [open, setOpen] = useState<string | undefined>(opened);
  const list = usePagedList(
    (cursor) => meRestoresList(api, { query: { limit: 20, cursor } }),
    `own-restores-${generation}-${language}`,
  );
  const rows = list.state.phase === 'ready' ? list.state.value : [];
  useRefreshWhile(
    rows.some((restore) => restoreUnfinished(restore.status)),
    rows,
    list.state.reload,
  );
  return (
    <section aria-labelledby="own-requests-title" className="own-section">
      <div className="own-requests-head">
        <Title3 as="h2" id="own-requests-title">
          {t('requestsTitle')}
        </Title3>
        <Button onClick={list.state.reload}>{t('requestsRefresh')}</Button>
      </div>
      <PagedTable
        list={list}
        labelledBy="own-requests-title"
        emptyText={t('requestsEmpty')}
        rowKey={(restore) => restore.id}
        columns={[
          {
            id: 'asked',
            header: t('requestsColumnAsked'),
            cell: (restore) => formatDateTime(restore.requestedAt, language, ''),
          },
          { id: 'what', header: t('requestsColumnWhat'), cell: (restore) => describeSelection(restore, t) },
          {
            id: 'status',
            header: t('requestsColumnStatus'),
            cell: (restore) => t(keyOf('requestStatus', restore.status)),
          },
          {
            id: 'progress',
            header: t('requestsColumnProgress'),
            cell: (restore) => (
              <RestoreProgressBar
                progress={restore.progress}
                label={t('requestsProgressLabel', { date: formatDateTime(restore.requestedAt, language, '') })}
              />
            ),
          },
          {
            id: 'open',
            header: t('requestsOpen'),
            hiddenHeader: true,
            cell: (restore) => <Button onClick={() => setOpen(restore.id)}>{t('requestsOpen')}</Button>,
          },
        ]}
      />
      {open && <OwnRequestDetail key={open} api={api} id={open} onClose={() => setOpen(undefined)} />}
    </section>
  );
}
