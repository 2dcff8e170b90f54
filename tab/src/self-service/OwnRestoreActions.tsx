import { Button, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { meExportsZip, meRestoresCreate } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import type { RestoreView } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { ActionOutcome } from '../components/messages.js';
import { saveFile } from '../components/save-file.js';
import { useLanguage } from '../i18n/language.js';
import { useState } from 'react';

type OwnTarget = 'original' | 'newFolder';

/** Restores the picked versions (in place or into a new folder) or downloads them as a ZIP. */
export function OwnRestoreActions(props: {
  api: ApiClient;
  versionIds: readonly string[];
  onRequested: (restore: RestoreView) => void;
}) {
  const { api, versionIds, onRequested } = props;
  const { t, language } = useLanguage();
  const [target, setTarget] = useState<OwnTarget>('original');
  const action = useAction();
  const selection = { type: 'versions' as const, versionIds: [...versionIds] };
  const none = versionIds.length === 0;

  async function restore() {
    let requested: RestoreView | undefined;
    const ok = await action.run(async () => {
      requested = await meRestoresCreate(api, {
        body: { selection, target: { type: target }, conflictPolicy: 'skip', language },
      });
    });
    if (ok && requested) {
      action.clear();
      onRequested(requested);
    }
  }

  async function download() {
    await action.run(async () => {
      const file = await meExportsZip(api, { body: { selection } });
      saveFile(file.blob, file.fileName ?? 'custodia-export.zip');
    }, 'downloaded');
  }

  return (
    <div className="own-actions">
      <Text>{t('myBackupsSelected', { count: versionIds.length })}</Text>
      <RadioGroup
        aria-label={t('myBackupsTarget')}
        layout="horizontal"
        value={target}
        onChange={(_, data) => setTarget(data.value as OwnTarget)}
      >
        <Radio value="original" label={t('myBackupsTargetOriginal')} />
        <Radio value="newFolder" label={t('myBackupsTargetNewFolder')} />
      </RadioGroup>
      <div className="own-buttons">
        <Button appearance="primary" disabled={none || action.busy} onClick={() => void restore()}>
          {t('myBackupsRestore')}
        </Button>
        <Button disabled={none || action.busy} onClick={() => void download()}>
          {t('myBackupsDownload')}
        </Button>
      </div>
      {/* Worded at render time, so the sentence follows a language switch. */}
      <ActionOutcome error={action.error} done={action.done && t('myBackupsDownloaded')} />
    </div>
  );
}
