import { Field, Radio, RadioGroup, Select, Switch, Title2, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { backupsPoints, backupsResources, restoresCreate } from '../api/generated.js';
import { useSession } from '../api/session.js';
import {
  type BackedUpResource,
  type ConflictPolicy,
  type ItemVersion,
  resourceKinds,
  type ResourceKind,
} from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ActionOutcome, InfoNotice, Loaded } from '../components/messages.js';
import { keyOf, useLanguage } from '../i18n/language.js';
import {
  browseInstant,
  selectionOf,
  type PointChoice,
  type RestoreChoice,
  type ScopeChoice,
} from './restore-choice.js';
import { RestoreBrowser } from './RestoreBrowser.js';
import { RestoreConfirmDialog } from './RestoreConfirmDialog.js';
import { RestoreDetailView } from './RestoreDetailView.js';
import { RestoreExportPanel } from './RestoreExportPanel.js';
import { RestorePointPicker } from './RestorePointPicker.js';
import { RestoreTargetFields, targetOf, type TargetDraft } from './RestoreTargetFields.js';

const startingChoice = (resourceId: string): RestoreChoice => ({
  resourceId,
  point: { kind: 'latest' },
  scope: 'items',
  picked: [],
  folder: undefined,
  includeSubfolders: true,
  words: [],
});

/** One account chosen: as of when, what (browsed or searched), where to and on conflict; then restore or export. */
function AccountRestore({
  account,
  accounts,
  onStarted,
}: {
  account: BackedUpResource;
  accounts: readonly BackedUpResource[];
  onStarted: (restoreId: string) => void;
}) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [choice, setChoice] = useState<RestoreChoice>(() => startingChoice(account.id));
  const [target, setTarget] = useState<TargetDraft>({ type: 'original', userId: '' });
  const [policy, setPolicy] = useState<ConflictPolicy>('skip');
  const start = useAction();
  const selection = selectionOf(choice);
  const chosenTarget = targetOf(target);
  const update = (change: Partial<RestoreChoice>) => setChoice((current) => ({ ...current, ...change }));
  const scopes: ScopeChoice[] = [
    'items',
    'folder',
    'resource',
    ...(choice.words.length > 0 ? ['search' as const] : []),
  ];

  return (
    <>
      <div className="row">
        <RestorePointPicker
          loadPoints={() => backupsPoints(api, { params: { resourceId: account.id } })}
          pointsKey={`points-${account.id}`}
          point={choice.point}
          onPoint={(point: PointChoice) => update({ point, picked: [] })}
        />
      </div>
      {account.kind === 'team' && <InfoNotice>{t('restoreTeamsExportOnly')}</InfoNotice>}
      <RestoreBrowser
        resourceId={account.id}
        at={browseInstant(choice.point)}
        folder={choice.folder}
        onFolder={(folder) => update({ folder })}
        picked={choice.picked}
        onToggle={(version: ItemVersion, on) =>
          setChoice((current) => ({
            ...current,
            scope: 'items',
            picked: on ? [...current.picked, version] : current.picked.filter((v) => v.id !== version.id),
          }))
        }
        onSearched={(words) => update({ words })}
      />
      <section className="form" aria-labelledby="restore-options-title">
        <Title3 as="h2" id="restore-options-title">
          {t('restoreOptions')}
        </Title3>
        <Field label={t('restoreWhat')}>
          <RadioGroup value={choice.scope} onChange={(_, data) => update({ scope: data.value as ScopeChoice })}>
            {scopes.map((scope) => (
              <Radio
                key={scope}
                value={scope}
                label={t(keyOf('restoreScope', scope), {
                  count: choice.picked.length,
                  folder: choice.folder?.displayName ?? '—',
                  words: choice.words.join(' '),
                })}
              />
            ))}
          </RadioGroup>
        </Field>
        {choice.scope === 'folder' && (
          <Switch
            label={t('restoreIncludeSubfolders')}
            checked={choice.includeSubfolders}
            onChange={(_, data) => update({ includeSubfolders: data.checked })}
          />
        )}
        {!selection && <InfoNotice>{t('restoreNothingChosen')}</InfoNotice>}
        <RestoreTargetFields
          target={target}
          onTarget={setTarget}
          policy={policy}
          onPolicy={setPolicy}
          accounts={accounts}
        />
        <ActionOutcome error={start.error} done={undefined} />
        <div className="row">
          <RestoreConfirmDialog
            choice={choice}
            account={account}
            selection={selection}
            target={chosenTarget}
            policy={policy}
            busy={start.busy}
            onConfirm={() =>
              void start.run(async () => {
                // The dialog offers no confirmation until both are chosen.
                if (!selection || !chosenTarget) return;
                const restore = await restoresCreate(api, {
                  body: { selection, target: chosenTarget, conflictPolicy: policy },
                });
                onStarted(restore.id);
              })
            }
          />
        </div>
        <RestoreExportPanel selection={selection} />
      </section>
    </>
  );
}

/** "Ripristino": pick an account and a point in time, browse or search, choose, restore or export. */
export function RestorePage() {
  const { t } = useLanguage();
  const { api } = useSession();
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [accountId, setAccountId] = useState('');
  const [viewing, setViewing] = useState<string | undefined>(undefined);
  const accounts = useResource(() => backupsResources(api), 'backup-resources');
  if (viewing) return <RestoreDetailView restoreId={viewing} onBack={() => setViewing(undefined)} />;
  return (
    <section className="page" aria-labelledby="restore-title">
      <Title2 as="h1" id="restore-title">
        {t('restoreTitle')}
      </Title2>
      <p>{t('restoreIntro')}</p>
      <Loaded state={accounts}>
        {({ items }) => {
          const listed = items.filter((account) => kind === '' || account.kind === kind);
          const account = items.find((candidate) => candidate.id === accountId);
          return items.length === 0 ? (
            <InfoNotice>{t('restoreNoAccounts')}</InfoNotice>
          ) : (
            <>
              <div className="row">
                <Field label={t('itemsKind')}>
                  <Select value={kind} onChange={(_, data) => setKind(data.value as ResourceKind | '')}>
                    <option value="">{t('itemsKindAll')}</option>
                    {resourceKinds.map((k) => (
                      <option key={k} value={k}>
                        {t(keyOf('resourceKind', k))}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('restoreAccount')}>
                  <Select value={accountId} onChange={(_, data) => setAccountId(data.value)}>
                    <option value="">{t('restoreAccountChoose')}</option>
                    {listed.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.displayName}
                        {candidate.ownerEmail ? ` (${candidate.ownerEmail})` : ''}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              {account && <AccountRestore key={account.id} account={account} accounts={items} onStarted={setViewing} />}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
