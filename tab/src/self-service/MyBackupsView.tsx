import { Link, Text, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { meBackupsResources } from '../api/generated.js';
import type { RestoreView } from '../api/model.js';
import { useResource } from '../api/use-resource.js';
import { InfoNotice, Loaded, SuccessNotice } from '../components/messages.js';
import { useLanguage } from '../i18n/language.js';
import { ArticleView } from '../pages/ArticleView.js';
import { selfServiceGuideSlug } from './guide.js';
import { OwnBackupBrowser } from './OwnBackupBrowser.js';
import { OwnRequests } from './OwnRequests.js';
import { useApiClient } from './use-api-client.js';

/**
 * "My backups" (personal tab): the person's own mailbox and OneDrive as of any backup, and their restore requests.
 * When the tenant has self-service off, the API's own sentence says so in place of everything else. The
 * self-service restore guide (a knowledge base article) opens in place of the view.
 */
export function MyBackupsView({ token }: { token: string }) {
  const { t, language } = useLanguage();
  const api = useApiClient(token);
  const resources = useResource(() => meBackupsResources(api), `own-resources-${language}`);
  const [latest, setLatest] = useState<RestoreView | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const [readingGuide, setReadingGuide] = useState(false);
  if (readingGuide) {
    return <ArticleView api={api} slug={selfServiceGuideSlug} onBack={() => setReadingGuide(false)} />;
  }
  return (
    <div className="page">
      <Title2 as="h1">{t('myBackupsTitle')}</Title2>
      <Text as="p">{t('myBackupsIntro')}</Text>
      <div>
        <Link as="button" onClick={() => setReadingGuide(true)}>
          {t('selfServiceGuide')}
        </Link>
      </div>
      <Loaded state={resources}>
        {(loaded) => (
          <>
            <OwnBackupBrowser
              api={api}
              resources={loaded.items}
              onRequested={(restore) => {
                setLatest(restore);
                setGeneration((g) => g + 1);
              }}
            />
            {latest &&
              (latest.status === 'awaitingApproval' ? (
                <InfoNotice>{t('myBackupsRestoreAwaiting')}</InfoNotice>
              ) : (
                <SuccessNotice text={t('myBackupsRestoreStarted')} />
              ))}
            <OwnRequests key={generation} api={api} generation={generation} opened={latest?.id} />
          </>
        )}
      </Loaded>
    </div>
  );
}
