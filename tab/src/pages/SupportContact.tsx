import { Link, Text, Title3 } from '@fluentui/react-components';
import { supportContact } from '../api/generated.js';
import { useSession } from '../api/session.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';

/** The provider's phone line, its hours and PIN, and the self-service restore guide, as the customer guide has them. */
export function SupportContact({ onGuide }: { onGuide: () => void }) {
  const { t, language } = useLanguage();
  const { api } = useSession();
  const contact = useResource(() => supportContact(api), 'support-contact');
  return (
    <section aria-labelledby="support-contact-title">
      <Title3 as="h2" id="support-contact-title">
        {t('supportContactTitle')}
      </Title3>
      <Loaded state={contact}>
        {(value) => (
          <>
            <Text as="p">{t('supportContactIntro', { provider: value.provider })}</Text>
            <dl className="facts">
              <dt>{t('supportContactPhone')}</dt>
              <dd>
                <Link href={`tel:${value.dial}`}>{value.phone}</Link>
              </dd>
              <dt>{t('supportContactPin')}</dt>
              <dd>{value.pin}</dd>
              <dt>{t('supportContactHours')}</dt>
              <dd>{value.hoursText[language]}</dd>
              <dt>{t('supportContactEmail')}</dt>
              <dd>
                <Link href={`mailto:${value.email}`}>{value.email}</Link>
              </dd>
            </dl>
          </>
        )}
      </Loaded>
      <Link as="button" onClick={onGuide}>
        {t('selfServiceGuide')}
      </Link>
    </section>
  );
}
