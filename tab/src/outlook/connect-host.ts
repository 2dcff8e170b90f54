import { connectToTeams, type TeamsHost } from '../auth/teams-host.js';
import type { AppView } from '../self-service/views.js';
import { connectToOutlookHost } from './office-mailbox.js';
import { nestedAppTokenSource } from './nested-app-token.js';

/** Outlook as the pane's host: its language, the default theme, and tokens by nested app authentication. */
async function connectToOutlook(): Promise<TeamsHost | undefined> {
  const outlook = await connectToOutlookHost();
  if (!outlook) return undefined;
  const tokenSource = nestedAppTokenSource();
  return {
    locale: outlook.locale ?? navigator.language,
    theme: 'default',
    getToken: async () => (await tokenSource)(),
    onThemeChange: () => undefined,
  };
}

/** The host the view runs in: Outlook for the add-in pane, Teams otherwise; undefined in a plain browser. */
export function connectHost(view: AppView): Promise<TeamsHost | undefined> {
  return view === 'outlook-restore' ? connectToOutlook() : connectToTeams();
}
