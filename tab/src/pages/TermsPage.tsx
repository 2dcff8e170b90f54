import { Button, Checkbox, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { termsAccept, termsRead } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import { useAction } from '../api/use-action.js';
import { useResource } from '../api/use-resource.js';
import { ActionOutcome, Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';

/** First sign-in: the licence terms must be accepted before anything else ("Solo per il primo login"). */
export function TermsPage({ api, onAccepted }: { api: ApiClient; onAccepted: () => void }) {
  const { t, language } = useLanguage();
  const terms = useResource(() => termsRead(api), `terms-${language}`);
  const [agreed, setAgreed] = useState(false);
  const accept = useAction();
  return (
    <section className="page narrow" aria-labelledby="terms-title">
      <Title2 as="h1" id="terms-title">
        {t('termsTitle')}
      </Title2>
      <Loaded state={terms}>
        {(current) => (
          <>
            <p>{t('termsIntro', { version: current.version })}</p>
            <div className="terms-text" tabIndex={0} aria-label={t('termsTitle')}>
              {current.text}
            </div>
            <Checkbox
              checked={agreed}
              onChange={(_, data) => setAgreed(data.checked === true)}
              label={t('termsAgree')}
            />
            <ActionOutcome error={accept.error} done={accept.done} />
            <div>
              <Button
                appearance="primary"
                disabled={!agreed || accept.busy}
                onClick={async () => {
                  if (await accept.run(() => termsAccept(api, { body: { version: current.version } }))) {
                    onAccepted();
                  }
                }}
              >
                {t('termsAccept')}
              </Button>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
