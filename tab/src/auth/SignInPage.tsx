import { AuthError } from '@azure/msal-browser';
import { Button, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../components/messages.js';
import { useLanguage, type Translate } from '../i18n/language.js';
import { DevSignIn } from './DevSignIn.js';
import { microsoftSignIn } from './microsoft-sign-in.js';

/** Microsoft's answer in words: declined consent, or the code MSAL reports; anything else as the portal says it. */
function describeSignInFailure(error: unknown, t: Translate): string {
  if (error instanceof AuthError)
    return error.errorCode === 'access_denied'
      ? t('microsoftSignInDeclined')
      : t('microsoftSignInFailed', { code: error.errorCode });
  return describeFailure(error, t);
}

/**
 * The portal in a plain browser, outside Teams and Outlook: "Sign in with Microsoft" with the person's work account,
 * and on the tenant simulator the development sign-in below it. `failure` is why the last sign-in did not complete.
 */
export function SignInPage({ onToken, failure }: { onToken: (token: string) => void; failure: unknown }) {
  const { t } = useLanguage();
  const [error, setError] = useState<unknown>(failure);
  const [leaving, setLeaving] = useState(false);

  async function signInWithMicrosoft() {
    setLeaving(true);
    setError(undefined);
    try {
      await (await microsoftSignIn()).start();
    } catch (problem) {
      setError(problem);
      setLeaving(false);
    }
  }

  return (
    <section className="page narrow" aria-labelledby="sign-in-title">
      <Title2 as="h1" id="sign-in-title">
        {t('signInTitle')}
      </Title2>
      <p>{t('microsoftSignInIntro')}</p>
      {error !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeSignInFailure(error, t)}</MessageBarBody>
        </MessageBar>
      )}
      <p>
        <Button appearance="primary" disabled={leaving} onClick={() => void signInWithMicrosoft()}>
          {t('microsoftSignInButton')}
        </Button>
      </p>
      <DevSignIn onToken={onToken} />
    </section>
  );
}
