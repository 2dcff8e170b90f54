import { InfoNotice } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';

/** Letters (welcome letters, alerts) not sent because the tenant has no sender mailbox: nothing when there are none. */
export function LettersWaitingNotice({ count }: { count: number }) {
  const { t } = useLanguage();
  if (count === 0) return null;
  return <InfoNotice>{t(count === 1 ? 'lettersWaitingOne' : 'lettersWaitingMany', { count })}</InfoNotice>;
}
