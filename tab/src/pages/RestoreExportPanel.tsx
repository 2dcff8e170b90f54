import { Button, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { exportsCreate, exportsRead, exportsZip } from '../api/generated.js';
import { apiBase } from '../api/client.js';
import { useSession } from '../api/session.js';
import type { RestoreSelection } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { useRefreshWhile } from '../api/use-refresh-while.js';
import { useResource } from '../api/use-resource.js';
import { formatBytes, formatDateTime } from '../components/format.js';
import { ActionOutcome, ErrorNotice, InfoNotice, ProblemNotice } from '../components/messages.js';
import { saveFile } from '../components/save-file.js';
import { useLanguage } from '../i18n/language.js';

function ExportProgress({ exportId }: { exportId: string }) {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const record = useResource(() => exportsRead(api, { params: { id: exportId } }), `export-${exportId}`);
  const value = record.phase === 'ready' ? record.value : undefined;
  useRefreshWhile(value?.status === 'queued' || value?.status === 'running', value, record.reload);
  if (record.phase === 'failed') return <ErrorNotice error={record.error} onRetry={record.reload} />;
  if (!value || value.status === 'queued' || value.status === 'running') {
    return <InfoNotice>{t('restoreExportPreparing')}</InfoNotice>;
  }
  if (value.status === 'failed') return <ProblemNotice text={value.error ?? t('unexpectedError')} />;
  if (!value.downloadPath) return <InfoNotice>{t('restoreExportExpired')}</InfoNotice>;
  return (
    <InfoNotice>
      <Link href={`${apiBase}${value.downloadPath}`} download>
        {t('restoreExportLink', { count: value.items, size: formatBytes(value.bytes, language) })}
      </Link>{' '}
      {t('restoreExportExpires', { date: formatDateTime(value.expiresAt, language, '') })}
    </InfoNotice>
  );
}

/** "Download ZIP" now (streamed, saved under the server's file name), or a large export prepared in the background. */
export function RestoreExportPanel({ selection }: { selection: RestoreSelection | undefined }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const zip = useAction();
  const prepare = useAction();
  const [exportId, setExportId] = useState<string | undefined>(undefined);
  return (
    <>
      <div className="row">
        <Button
          disabled={!selection || zip.busy}
          onClick={() =>
            void zip.run(async () => {
              if (!selection) return;
              const file = await exportsZip(api, { body: { selection } });
              saveFile(file.blob, file.fileName ?? 'custodia-export.zip');
            }, t('restoreZipSaved'))
          }
        >
          {t('restoreZip')}
        </Button>
        <Button
          disabled={!selection || prepare.busy}
          onClick={() =>
            void prepare.run(async () => {
              if (!selection) return;
              setExportId((await exportsCreate(api, { body: { selection } })).id);
            })
          }
        >
          {t('restoreExportLarge')}
        </Button>
      </div>
      <ActionOutcome error={zip.error} done={zip.done} />
      <ActionOutcome error={prepare.error} done={undefined} />
      {exportId && <ExportProgress exportId={exportId} />}
    </>
  );
}
