import { Button, Field, Input, Radio, RadioGroup, Switch, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { settingsRead, settingsUpdate } from '../api/generated.js';
import { useSession } from '../api/session.js';
import type { EditableSettings } from '../api/model.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ActionOutcome, Loaded } from '../components/messages.js';
import { LettersWaitingNotice } from './letters-waiting.js';
import { useLanguage } from '../i18n/language.js';
import type { Language } from '../i18n/messages.js';

function SettingsForm({ initial, onSaved }: { initial: EditableSettings; onSaved: () => void }) {
  const { t } = useLanguage();
  const { api } = useSession();
  const [settings, setSettings] = useState(initial);
  const save = useAction();
  return (
    <form
      className="form"
      aria-labelledby="settings-title"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await save.run(() => settingsUpdate(api, { body: settings }), t('saved'))) onSaved();
      }}
    >
      <Switch
        label={t('settingsSelfService')}
        checked={settings.selfServiceRestore}
        onChange={(_, data) => setSettings({ ...settings, selfServiceRestore: data.checked })}
      />
      <Switch
        label={t('settingsOneDriveApproval')}
        checked={settings.oneDriveSelfServiceNeedsApproval}
        onChange={(_, data) => setSettings({ ...settings, oneDriveSelfServiceNeedsApproval: data.checked })}
      />
      <Field label={t('settingsDefaultLanguage')}>
        <RadioGroup
          value={settings.defaultLanguage}
          onChange={(_, data) => setSettings({ ...settings, defaultLanguage: data.value as Language })}
        >
          <Radio value="it" label={t('languageIt')} />
          <Radio value="en" label={t('languageEn')} />
        </RadioGroup>
      </Field>
      <Field label={t('settingsSender')} hint={t('settingsSenderHint')}>
        <Input
          value={settings.notificationSender ?? ''}
          onChange={(_, data) => setSettings({ ...settings, notificationSender: data.value.trim() || null })}
        />
      </Field>
      <ActionOutcome error={save.error} done={save.done} />
      <div>
        <Button type="submit" appearance="primary" disabled={save.busy}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}

/** "Settings": self-service restore, OneDrive approval, the tenant's default language, the letters' sender. */
export function SettingsPage() {
  const { t } = useLanguage();
  const { api } = useSession();
  const settings = useResource(() => settingsRead(api), 'settings');
  return (
    <section className="page" aria-labelledby="settings-title">
      <Title2 as="h1" id="settings-title">
        {t('settingsTitle')}
      </Title2>
      <Loaded state={settings}>
        {({ lettersWaitingForSender, ...editable }) => (
          <>
            <LettersWaitingNotice count={lettersWaitingForSender} />
            <SettingsForm initial={editable} onSaved={settings.reload} />
          </>
        )}
      </Loaded>
    </section>
  );
}
