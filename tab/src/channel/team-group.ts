import { app } from '@microsoft/teams-js';

/** The Microsoft 365 group of the team whose channel shows the tab; undefined outside Teams. */
export async function teamGroupId(): Promise<string | undefined> {
  if (!app.isInitialized()) return undefined;
  try {
    return (await app.getContext()).team?.groupId;
  } catch {
    return undefined;
  }
}
