import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useState } from 'react';
import { approvalsDecide, approvalsList } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { RestoreView } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { usePagedList } from '../api/use-paged-list.js';
import { formatDateTime } from '../components/format.js';
import { ActionOutcome } from '../components/messages.js';
import { PagedTable } from '../components/paged-table.js';
import { useLanguage } from '../i18n/language.js';
import { describeSelection, describeTarget, useAccountNames } from './restore-describe.js';

/** "Reject": a note for the requester, then a confirmation. */
function RejectButton({
  restore,
  disabled,
  onReject,
}: {
  restore: RestoreView;
  disabled: boolean;
  onReject: (note: string) => void;
}) {
  const { t } = useLanguage();
  const [note, setNote] = useState('');
  return (
    <Dialog modalType="alert" onOpenChange={() => setNote('')}>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled}>{t('approvalsReject')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('approvalsReject')}</DialogTitle>
          <DialogContent>
            <p>{t('approvalsRejectQuestion', { who: restore.requestedBy })}</p>
            <Field label={t('approvalsNote')}>
              <Textarea value={note} onChange={(_, data) => setNote(data.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('cancel')}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={() => onReject(note.trim())}>
                {t('confirm')}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** "Approvazioni": self-service restores waiting for an administrator; approve, or reject with a note. */
export function ApprovalsPage() {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const nameOf = useAccountNames(api);
  const queue = usePagedList((cursor) => approvalsList(api, { query: { cursor } }), 'approvals');
  const decide = useAction();
  const decideOn = (restore: RestoreView, approve: boolean, note?: string) =>
    void decide
      .run(
        () => approvalsDecide(api, { params: { id: restore.id }, body: { approve, ...(note && { note }) } }),
        t(approve ? 'approvalsApproved' : 'approvalsRejected', { who: restore.requestedBy }),
      )
      .then((done) => done && queue.state.reload());
  return (
    <section className="page" aria-labelledby="approvals-title">
      <Title2 as="h1" id="approvals-title">
        {t('approvalsTitle')}
      </Title2>
      <p>{t('approvalsIntro')}</p>
      <div>
        <Button onClick={queue.state.reload}>{t('refresh')}</Button>
      </div>
      <ActionOutcome error={decide.error} done={decide.done} />
      <PagedTable
        list={queue}
        labelledBy="approvals-title"
        emptyText={t('approvalsEmpty')}
        rowKey={(restore) => restore.id}
        columns={[
          { id: 'requester', header: t('restoresRequester'), cell: (restore) => restore.requestedBy },
          { id: 'what', header: t('restoreSummaryWhat'), cell: (restore) => describeSelection(restore, t, nameOf) },
          { id: 'target', header: t('restoreTarget'), cell: (restore) => describeTarget(restore, t) },
          {
            id: 'when',
            header: t('restoresWhen'),
            cell: (restore) => formatDateTime(restore.requestedAt, language, ''),
          },
          {
            id: 'actions',
            header: t('jobActions'),
            hiddenHeader: true,
            cell: (restore) => (
              <div className="row">
                <Button appearance="primary" disabled={decide.busy} onClick={() => decideOn(restore, true)}>
                  {t('approvalsApprove')}
                </Button>
                <RejectButton
                  restore={restore}
                  disabled={decide.busy}
                  onReject={(note) => decideOn(restore, false, note)}
                />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
