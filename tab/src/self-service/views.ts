/** The views the app package opens by URL (`/tab/?view=…`); anything else is the admin portal. */
export type AppView = 'portal' | 'my-backups' | 'outlook-restore' | 'channel-config' | 'channel';

const namedViews: readonly AppView[] = ['my-backups', 'outlook-restore', 'channel-config', 'channel'];

export function currentView(search: string = window.location.search): AppView {
  const named = new URLSearchParams(search).get('view');
  return namedViews.find((view) => view === named) ?? 'portal';
}
