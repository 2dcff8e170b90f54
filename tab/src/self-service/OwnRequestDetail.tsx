import { Button, Title3 } from '@fluentui/react-components';
import { meRestoresRead } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import { restoreUnfinished } from '../api/model.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { useResource } from '../api/use-resource.js';
import { DataTable } from '../components/data-table.js';
import { formatDateTime } from '../components/format.js';
import { ErrorNotice, InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';

/** One of the person's restores: why it waits, or each item's outcome and its check against the backup. */
export function OwnRequestDetail({ api, id, onClose }: { api: ApiClient; id: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const restore = useResource(() => meRestoresRead(api, { params: { id } }), `own-restore-${id}-${language}`);
  const loaded = restore.phase === 'ready' ? restore.value : undefined;
  useRefreshWhile(loaded !== undefined && restoreUnfinished(loaded.status), loaded, restore.reload);
  return (
    <section aria-labelledby="own-request-title" className="own-section">
      <Loaded state={restore}>
        {(value) => (
          <>
            <Title3 as="h3" id="own-request-title">
              {t('requestDetailTitle', { date: formatDateTime(value.requestedAt, language, '') })}
            </Title3>
            {value.status === 'awaitingApproval' && <InfoNotice>{t('requestDetailAwaiting')}</InfoNotice>}
            {value.status === 'rejected' && (
              <InfoNotice>{t('requestDetailRejected', { note: value.approval?.note ?? '' })}</InfoNotice>
            )}
            {value.error && <ErrorNotice error={new Error(value.error)} />}
            {value.items.length > 0 && (
              <>
                <Title3 as="h4" id="own-request-items">
                  {t('requestDetailItems')}
                </Title3>
                <DataTable
                  labelledBy="own-request-items"
                  rows={value.items}
                  rowKey={(item) => String(item.seq)}
                  columns={[
                    { id: 'item', header: t('requestColumnItem'), cell: (item) => item.name },
                    {
                      id: 'outcome',
                      header: t('requestColumnOutcome'),
                      cell: (item) =>
                        item.reason
                          ? `${t(keyOf('requestItemState', item.state))}: ${item.reason[language]}`
                          : t(keyOf('requestItemState', item.state)),
                    },
                    {
                      id: 'check',
                      header: t('requestColumnCheck'),
                      cell: (item) =>
                        item.verified === true
                          ? t('requestItemVerified')
                          : item.verified === false
                            ? t('requestItemDiffers', { what: item.differences.join(', ') })
                            : '—',
                    },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Loaded>
      <Button onClick={onClose}>{t('close')}</Button>
    </section>
  );
}
