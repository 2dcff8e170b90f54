import { Button, FluentProvider, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { TeamsHost, TeamsTheme } from './auth/teams-host.js';
import { devTokenStore } from './auth/dev-sign-in.js';
import { microsoftSignIn } from './auth/microsoft-sign-in.js';
import { SignInPage } from './auth/SignInPage.js';
import { LanguageContext, languageOfLocale, translator } from './i18n/language.js';
import { languages, type Language } from './i18n/messages.js';
import { ErrorNotice } from './components/messages.js';
import { connectHost } from './outlook/connect-host.js';
import { SignedInView } from './self-service/SignedInView.js';
import { currentView } from './self-service/views.js';
import { browserTheme, fluentThemes } from './theme.js';

const languageKey = 'custodia.language';

function initialLanguage(): Language {
  const chosen = localStorage.getItem(languageKey);
  return chosen === 'it' || chosen === 'en' ? chosen : languageOfLocale(navigator.language);
}

type Host = { kind: 'connecting' } | { kind: 'teams'; teams: TeamsHost } | { kind: 'browser' };

/** Connects to Teams (or, in a plain browser, signs in with Microsoft or the development sign-in), then hands a token to the portal. */
export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [theme, setTheme] = useState<TeamsTheme>(browserTheme);
  const [host, setHost] = useState<Host>({ kind: 'connecting' });
  const [token, setToken] = useState<string | null>(null);
  const [tokenError, setTokenError] = useState<unknown>(undefined);

  useEffect(() => {
    void connectHost(currentView()).then(async (teams) => {
      if (!teams) {
        const devToken = devTokenStore.read();
        if (devToken) {
          setHost({ kind: 'browser' });
          setToken(devToken);
          return;
        }
        // Back from Microsoft's sign-in page, or signed in with Microsoft earlier in this browser tab.
        const restored = await microsoftSignIn()
          .then((signIn) => signIn.restore())
          .catch((failure: unknown) => {
            setTokenError(failure);
            return null;
          });
        setHost({ kind: 'browser' });
        setToken(restored);
        return;
      }
      setHost({ kind: 'teams', teams });
      setTheme(teams.theme);
      teams.onThemeChange(setTheme);
      if (!localStorage.getItem(languageKey)) setLanguageState(languageOfLocale(teams.locale));
      teams.getToken().then(setToken, setTokenError);
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const languageState = useMemo(
    () => ({
      language,
      t: translator(language),
      setLanguage(next: Language) {
        localStorage.setItem(languageKey, next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  const { t } = languageState;

  function signOut() {
    devTokenStore.clear();
    setToken(null);
    setTokenError(undefined);
    void microsoftSignIn()
      .then((signIn) => signIn.signOut())
      .catch(() => undefined);
  }

  return (
    <FluentProvider theme={fluentThemes[theme]} style={{ background: tokens.colorNeutralBackground2 }}>
      <LanguageContext.Provider value={languageState}>
        <div className="shell">
          <header className="header">
            <Text as="p" weight="semibold" size={500}>
              {t('appName')}
            </Text>
            <div className="header-tools">
              <label htmlFor="language-switch">{t('languageSwitch')}</label>
              <Select
                id="language-switch"
                value={language}
                onChange={(_, data) => languageState.setLanguage(data.value as Language)}
              >
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {code === 'it' ? t('languageIt') : t('languageEn')}
                  </option>
                ))}
              </Select>
              {host.kind === 'browser' && token && <Button onClick={signOut}>{t('signOut')}</Button>}
            </div>
          </header>
          <main>
            {host.kind === 'connecting' && <Spinner label={t('loading')} />}
            {host.kind === 'browser' && !token && (
              <SignInPage
                failure={tokenError}
                onToken={(minted) => {
                  devTokenStore.write(minted);
                  setToken(minted);
                }}
              />
            )}
            {host.kind === 'teams' && !token && tokenError === undefined && <Spinner label={t('loading')} />}
            {host.kind === 'teams' && tokenError !== undefined && <ErrorNotice error={tokenError} />}
            {token && <SignedInView key={token} view={currentView()} token={token} />}
          </main>
        </div>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
