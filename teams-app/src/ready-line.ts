import type { RunningApp } from './app.js';

/**
 * The one plain line `npm start` prints once the product serves, among the JSON log lines: where the portal is and,
 * on the simulator, whom to sign in as.
 */
export function readyLine({
  portalUrl,
  demoAdministrator: admin,
}: Pick<RunningApp, 'portalUrl' | 'demoAdministrator'>): string {
  if (!admin)
    return `Custodia is ready: the portal is at ${portalUrl} / Custodia è pronto: il portale è su ${portalUrl}`;
  const who = `${admin.name} (${admin.email})`;
  return (
    `Custodia is ready: open ${portalUrl} and sign in as ${who}, the demo tenant's administrator / ` +
    `Custodia è pronto: aprire ${portalUrl} e accedere come ${who}, amministratore del tenant demo`
  );
}
