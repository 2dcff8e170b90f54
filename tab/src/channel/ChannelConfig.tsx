import { Text, Title2 } from '@fluentui/react-components';
import { app, pages } from '@microsoft/teams-js';
import { useEffect } from 'react';
import { InfoNotice } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';

const entityId = 'custodia-protection';

/** Where the channel tab's content lives, on this page's own origin. */
export function channelContentUrl(origin: string = window.location.origin): string {
  return `${origin}/tab/?view=channel`;
}

/** Teams' configuration page of the channel tab: always valid; Save adds the protection status page. */
export function ChannelConfig() {
  const { t } = useLanguage();
  const inTeams = app.isInitialized();
  useEffect(() => {
    if (!inTeams) return;
    pages.config.registerOnSaveHandler((save) => {
      const contentUrl = channelContentUrl();
      pages.config
        .setConfig({ contentUrl, websiteUrl: contentUrl, entityId, suggestedDisplayName: t('channelConfigName') })
        .then(
          () => save.notifySuccess(),
          (error: unknown) => save.notifyFailure(String(error)),
        );
    });
    pages.config.setValidityState(true);
  }, [inTeams, t]);
  return (
    <div className="page">
      <Title2 as="h1">{t('channelConfigTitle')}</Title2>
      <Text as="p">{t('channelConfigIntro')}</Text>
      {!inTeams && <InfoNotice>{t('channelConfigOutsideTeams')}</InfoNotice>}
    </div>
  );
}
