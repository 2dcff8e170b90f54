import { Button, Dropdown, Field, Option, Spinner, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useResource } from '../api/use-resource.js';
import { ErrorNotice, InfoNotice } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { devSignIn, listDemoUsers } from './dev-sign-in.js';

/**
 * On the tenant simulator only: pick a person of the demo tenant and sign in as them. A real deployment has no
 * development sign-in (`/dev/users` answers 404), and this part of the page is not shown.
 */
export function DevSignIn({ onToken }: { onToken: (token: string) => void }) {
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

  if (users.phase === 'loading') return <Spinner label={t('loading')} />;
  if (users.phase === 'failed') return <ErrorNotice error={users.error} onRetry={users.reload} />;
  if (users.value === undefined) return null;
  return (
    <section aria-labelledby="dev-sign-in-title">
      <Title3 as="h2" id="dev-sign-in-title">
        {t('devSignInTitle')}
      </Title3>
      <p>{t('devSignInIntro')}</p>
      {users.value.length === 0 && <InfoNotice>{t('devSignInNoUsers')}</InfoNotice>}
      {users.value.length > 0 && (
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
          <Button type="submit" disabled={!chosen || busy}>
            {t('devSignInButton')}
          </Button>
        </form>
      )}
    </section>
  );
}
