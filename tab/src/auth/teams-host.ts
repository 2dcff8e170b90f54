import { app, authentication } from '@microsoft/teams-js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  readonly locale: string;
  readonly theme: TeamsTheme;
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
}

function themeOf(name: string | undefined): TeamsTheme {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}

/** Outside a Teams host `initialize` rejects at once; inside an unrelated frame it may never answer. */
const hostTimeoutMs = 5000;

/** Connects to the Teams host, or resolves undefined when the portal runs in a plain browser. */
export async function connectToTeams(): Promise<TeamsHost | undefined> {
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no Teams host')), hostTimeoutMs)),
    ]);
  } catch {
    return undefined;
  }
  const context = await app.getContext();
  app.notifySuccess();
  return {
    locale: context.app.locale,
    theme: themeOf(context.app.theme),
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((name) => handler(themeOf(name))),
  };
}
