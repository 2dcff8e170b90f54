import { Button, Dropdown, Field, Option, Spinner, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { useResource } from '../api/use-resource.js';
import { ErrorNotice, InfoNotice } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { devSignIn, listDemoUsers } from './dev-sign-in.js';

/** Outside Teams: pick a person of the demo tenant and sign in as them. */
export function DevSignInPage({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useLanguage();
  const users = useResource(listDemoUsers, 'demo-users');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function signIn() {
    if (!chosen) return;
    setBusy(true);
    try {
      onToken(await devSignIn(chosen));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <section className="page narrow" aria-labelledby="sign-in-title">
      <Title2 as="h1" id="sign-in-title">
        {t('signInTitle')}
      </Title2>
      <p>{t('devSignInIntro')}</p>
      {users.phase === 'loading' && <Spinner label={t('loading')} />}
      {users.phase === 'failed' && <ErrorNotice error={users.error} onRetry={users.reload} />}
      {users.phase === 'ready' && users.value === undefined && <InfoNotice>{t('devSignInUnavailable')}</InfoNotice>}
      {users.phase === 'ready' && users.value?.length === 0 && <InfoNotice>{t('devSignInNoUsers')}</InfoNotice>}
      {users.phase === 'ready' && users.value && users.value.length > 0 && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void signIn();
          }}
        >
          <Field label={t('devSignInUser')} required>
            <Dropdown placeholder={t('devSignInChoose')} onOptionSelect={(_, data) => setChosen(data.optionValue)}>
              {users.value.map((user) => (
                <Option key={user.id} value={user.userPrincipalName} text={user.displayName}>
                  {`${user.displayName} — ${user.userPrincipalName}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {error !== undefined && <ErrorNotice error={error} />}
          <Button appearance="primary" type="submit" disabled={!chosen || busy}>
            {t('devSignInButton')}
          </Button>
        </form>
      )}
    </section>
  );
}
