import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import type { BackedUpResource, ConflictPolicy, RestoreSelection, RestoreTarget } from '../api/model.js';
import { formatDateTime } from '../components/format.js';
import { keyOf, useLanguage, type Translate } from '../i18n/language.js';
import type { Language } from '../i18n/messages.js';
import { browseInstant, type RestoreChoice } from './restore-choice.js';

function whatOf(choice: RestoreChoice, t: Translate): string {
  switch (choice.scope) {
    case 'items':
      return t('restoreWhat_items', { count: choice.picked.length });
    case 'folder':
      return t(choice.includeSubfolders ? 'restoreWhat_folderTree' : 'restoreWhat_folder', {
        folder: choice.folder?.path ?? '',
      });
    case 'resource':
      return t('restoreWhat_resource');
    case 'search':
      return t('restoreWhat_search', { words: choice.words.join(' ') });
  }
}

function whenOf(choice: RestoreChoice, t: Translate, language: Language): string {
  const at = browseInstant(choice.point);
  return at ? formatDateTime(at, language, '') : t('restorePointLatest');
}

interface RestoreConfirmDialogProps {
  readonly choice: RestoreChoice;
  readonly account: BackedUpResource;
  readonly selection: RestoreSelection | undefined;
  readonly target: RestoreTarget | undefined;
  readonly policy: ConflictPolicy;
  readonly busy: boolean;
  onConfirm(): void;
}

/** "Restore…": the summary of what, from where, as of when, to where and on conflict, before it starts. */
export function RestoreConfirmDialog(props: RestoreConfirmDialogProps) {
  const { t, language } = useLanguage();
  const { choice, account, target } = props;
  const facts: Array<[string, string]> = [
    [t('restoreSummaryWhat'), whatOf(choice, t)],
    [t('restoreSummaryAccount'), `${account.displayName}${account.ownerEmail ? ` (${account.ownerEmail})` : ''}`],
    [t('restoreSummaryWhen'), whenOf(choice, t, language)],
    [
      t('restoreTarget'),
      target?.type === 'otherUser'
        ? t('restoreTargetOtherUserId', { id: target.userId })
        : t(keyOf('restoreTarget', target?.type ?? 'original')),
    ],
    [t('restoreConflict'), t(keyOf('restoreConflict', props.policy))],
  ];
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabled={!props.selection || !target || props.busy}>
          {t('restoreStart')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('restoreConfirmTitle')}</DialogTitle>
          <DialogContent>
            <dl className="facts">
              {facts.map(([label, value]) => (
                <div key={label} style={{ display: 'contents' }}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {account.kind === 'team' && <p>{t('restoreTeamsExportOnly')}</p>}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('cancel')}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={props.onConfirm}>
                {t('restoreConfirm')}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
