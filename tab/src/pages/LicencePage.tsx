import { Button, Title2 } from '@fluentui/react-components';
import { licenceRead } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { LicenceAccounts } from './LicenceAccounts.js';
import { LicenceSeats, LicenceStorage, OverrunWarning } from './licence-parts.js';

/** "Stato della licenza": seats bought and used per profile and retention, storage, the overrun warning, each account. */
export function LicencePage() {
  const { t } = useLanguage();
  const { api } = useSession();
  const licence = useResource(() => licenceRead(api), 'licence');
  return (
    <section className="page" aria-labelledby="licence-title">
      <Title2 as="h1" id="licence-title">
        {t('licenceTitle')}
      </Title2>
      <div>
        <Button onClick={licence.reload}>{t('refresh')}</Button>
      </div>
      <Loaded state={licence}>
        {(usage) => (
          <>
            {!usage.licensed && <InfoNotice>{t('licenceNone')}</InfoNotice>}
            {usage.overrun && <OverrunWarning usage={usage} />}
            <LicenceSeats usage={usage} />
            <LicenceStorage usage={usage} />
            <LicenceAccounts usage={usage} />
          </>
        )}
      </Loaded>
    </section>
  );
}
