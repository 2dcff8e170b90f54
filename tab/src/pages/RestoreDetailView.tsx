import { Button, Field, Select, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { restoresItems, restoresRead } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { restoreUnfinished, type RestoreItemState, type RestoreItemView, type RestoreView } from '../api/model.js';
import { usePagedList } from '../api/use-paged-list.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../components/format.js';
import { InfoNotice, Loaded, ProblemNotice } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { keyOf, useLanguage, type Translate } from '../i18n/language.js';
import type { Language } from '../i18n/messages.js';
import { mayRestore } from './restore-access.js';
import { describeTarget } from './restore-describe.js';
import { itemsDone, percentOf, RestoreProgressBar } from './restore-progress.js';

const itemStates: readonly RestoreItemState[] = ['pending', 'writing', 'restored', 'skipped', 'failed', 'exportOnly'];

function verificationOf(item: RestoreItemView, t: Translate, language: Language): string {
  if (item.reason) return item.reason[language];
  if (item.verified === true) return `✓ ${t('restoreVerified')}`;
  if (item.verified === false) return t('restoreDifferent', { differences: item.differences.join('; ') });
  return '—';
}

function RestoreItems({ restore }: { restore: RestoreView }) {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const [state, setState] = useState<RestoreItemState | ''>('');
  const items = usePagedList(
    (cursor) => restoresItems(api, { params: { id: restore.id }, query: { state: state || undefined, cursor } }),
    `restore-items-${restore.id}-${state}-${itemsDone(restore.progress)}-${restore.status}`,
  );
  return (
    <>
      <Title3 as="h2" id="restore-outcomes-title">
        {t('restoreOutcomes')}
      </Title3>
      <Field label={t('restoreItemState')}>
        <Select value={state} onChange={(_, data) => setState(data.value as RestoreItemState | '')}>
          <option value="">{t('restoreAllStates')}</option>
          {itemStates.map((s) => (
            <option key={s} value={s}>
              {t(keyOf('restoreItemState', s))}
            </option>
          ))}
        </Select>
      </Field>
      <PagedTable
        list={items}
        labelledBy="restore-outcomes-title"
        emptyText={t('restoreOutcomesEmpty')}
        rowKey={(item) => String(item.seq)}
        columns={[
          { id: 'name', header: t('restoreItemName'), cell: (item) => item.name },
          { id: 'folder', header: t('restoreItemFolder'), cell: (item) => item.containerPath },
          { id: 'state', header: t('restoreItemState'), cell: (item) => t(keyOf('restoreItemState', item.state)) },
          {
            id: 'where',
            header: t('restoreWhere'),
            cell: (item) => (item.target ? [item.target.path, item.target.name].filter(Boolean).join(' / ') : '—'),
          },
          { id: 'verification', header: t('restoreVerification'), cell: (item) => verificationOf(item, t, language) },
        ]}
      />
    </>
  );
}

/** One restore followed live: status, progress bar, counts, then each item's outcome and verification. */
export function RestoreDetailView({ restoreId, onBack }: { restoreId: string; onBack: () => void }) {
  const { t, language } = useLanguage();
  const { api, me } = useSession();
  const restore = useResource(() => restoresRead(api, { params: { id: restoreId } }), `restore-${restoreId}`);
  const value = restore.phase === 'ready' ? restore.value : undefined;
  useRefreshWhile(value !== undefined && restoreUnfinished(value.status), value, restore.reload);
  return (
    <section className="page" aria-labelledby="restore-detail-title">
      <div>
        <Button onClick={onBack}>{t('back')}</Button>
      </div>
      <Title2 as="h1" id="restore-detail-title">
        {t('restoreDetailTitle')}
      </Title2>
      <Loaded state={restore}>
        {(r) => {
          const p = r.progress;
          const counts: Array<[string, number]> = [
            [t('restoreCountTotal'), p.total],
            [t('restoreCountRestored'), p.restored],
            [t('restoreCountSkipped'), p.skipped],
            [t('restoreCountFailed'), p.failed],
            [t('restoreCountVerified'), p.verified],
            [t('restoreCountDifferent'), p.mismatched],
            [t('restoreCountExportOnly'), p.exportOnly],
          ];
          return (
            <>
              <dl className="facts">
                <dt>{t('jobStatus')}</dt>
                <dd>{t(keyOf('restoreStatus', r.status))}</dd>
                <dt>{t('restoresRequester')}</dt>
                <dd>{r.requestedBy}</dd>
                <dt>{t('restoresWhen')}</dt>
                <dd>{formatDateTime(r.requestedAt, language, '')}</dd>
                <dt>{t('runFinished')}</dt>
                <dd>{formatDateTime(r.finishedAt, language, '—')}</dd>
                <dt>{t('restoreTarget')}</dt>
                <dd>{describeTarget(r, t)}</dd>
                <dt>{t('restoreConflict')}</dt>
                <dd>{t(keyOf('restoreConflict', r.conflictPolicy))}</dd>
              </dl>
              <RestoreProgressBar
                progress={p}
                label={t('restoreProgressLabel', { percent: Math.round(percentOf(p) * 100) })}
              />
              <dl className="facts" aria-label={t('restoreCounts')}>
                {counts.map(([label, count]) => (
                  <div key={label} style={{ display: 'contents' }}>
                    <dt>{label}</dt>
                    <dd>{count}</dd>
                  </div>
                ))}
              </dl>
              {r.error && <ProblemNotice text={r.error} />}
              {r.approval?.note && <p>{t('restoreApprovalNote', { note: r.approval.note })}</p>}
              {mayRestore(me.role) ? <RestoreItems restore={r} /> : <InfoNotice>{t('restoreNotForRole')}</InfoNotice>}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
