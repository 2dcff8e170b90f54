import { Button } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { meRead, meSignIn, tenantRead } from './api/generated.js';
import { createApiClient, type ApiClient } from './api/client.js';
import { SessionContext, type Session } from './api/session.js';
import type { Me } from './api/model.js';
import { useResource } from './api/use-resource.js';
import { InfoNotice, Loaded } from './components/messages.js';
import { useLanguage } from './i18n/language.js';
import { PortalNav } from './navigation/PortalNav.js';
import { sectionGroups, type Section } from './navigation/sections.js';
import { ActivityPage } from './pages/ActivityPage.js';
import { ApprovalsPage } from './pages/ApprovalsPage.js';
import { ItemsPage } from './pages/ItemsPage.js';
import { JobLogPage } from './pages/JobLogPage.js';
import { KnowledgePage } from './pages/KnowledgePage.js';
import { LicencePage } from './pages/LicencePage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { PortalUsersPage } from './pages/PortalUsersPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { sectionAllowed } from './pages/restore-access.js';
import { RestorePage } from './pages/RestorePage.js';
import { RestoresPage } from './pages/RestoresPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SetupPage } from './pages/SetupPage.js';
import { SupportPage } from './pages/SupportPage.js';
import { TermsPage } from './pages/TermsPage.js';
import { ProviderPortal } from './provider/ProviderPortal.js';

const sections: readonly Section[] = sectionGroups.flatMap((group) => group.sections);

function SectionPage({ section, onOpen }: { section: Section; onOpen: (section: Section) => void }) {
  switch (section) {
    case 'setup':
      return <SetupPage onDone={() => onOpen('overview')} />;
    case 'items':
      return <ItemsPage />;
    case 'restore':
      return <RestorePage />;
    case 'restores':
      return <RestoresPage />;
    case 'approvals':
      return <ApprovalsPage />;
    case 'licence':
      return <LicencePage />;
    case 'reports':
      return <ReportsPage />;
    case 'jobLog':
      return <JobLogPage />;
    case 'portalUsers':
      return <PortalUsersPage />;
    case 'settings':
      return <SettingsPage />;
    case 'activity':
      return <ActivityPage />;
    case 'knowledge':
      return <KnowledgePage />;
    case 'support':
      return <SupportPage />;
    default:
      return <OverviewPage />;
  }
}

/** The tenant's sections in their groups, with the setup wizard first while the setup is incomplete. */
function TenantPortal({ api, me: person }: { api: ApiClient; me: Me }) {
  const { t, language } = useLanguage();
  const tenant = useResource(() => tenantRead(api), `tenant-${language}`);
  const [section, setSection] = useState<Section | undefined>(undefined);
  useEffect(() => {
    // The activity log lists sign-ins: one per opening of the portal.
    void meSignIn(api).catch(() => undefined);
  }, [api]);
  return (
    <Loaded state={tenant}>
      {(status) => {
        const setupPending = status.setup.missing.length > 0;
        const visible = sections.filter((s) => (s !== 'setup' || setupPending) && sectionAllowed(s, person.role));
        const current = section && visible.includes(section) ? section : setupPending ? 'setup' : 'overview';
        const session: Session = {
          api,
          me: person,
          tenant: status,
          refreshTenant: async () => tenant.reload(),
        };
        return (
          <SessionContext.Provider value={session}>
            <div className="portal-layout">
              <PortalNav visible={visible} current={current} onOpen={setSection} />
              <div className="portal-content">
                {setupPending && current !== 'setup' && (
                  <div className="page">
                    <InfoNotice>
                      {t('setupPending')}{' '}
                      <Button appearance="transparent" onClick={() => setSection('setup')}>
                        {t('setupOpen')}
                      </Button>
                    </InfoNotice>
                  </div>
                )}
                <SectionPage key={`${current}-${language}`} section={current} onOpen={setSection} />
              </div>
            </div>
          </SessionContext.Provider>
        );
      }}
    </Loaded>
  );
}

/**
 * The signed-in portal: licence terms first, then the tenant's tabs (setup first while it is incomplete), or, for the
 * provider's operators, the provider's console.
 */
export function Portal({ token }: { token: string }) {
  const { language } = useLanguage();
  const languageRef = useRef(language);
  languageRef.current = language;
  const api: ApiClient = useMemo(() => createApiClient(token, () => languageRef.current), [token]);
  const me = useResource(() => meRead(api), `me-${language}`);
  const termsPending = me.phase === 'ready' && me.value.termsToAccept !== null;

  return (
    <Loaded state={me}>
      {(person) =>
        termsPending ? (
          <TermsPage api={api} onAccepted={me.reload} />
        ) : person.kind === 'provider' ? (
          <ProviderPortal api={api} me={person} />
        ) : (
          <TenantPortal api={api} me={person} />
        )
      }
    </Loaded>
  );
}
