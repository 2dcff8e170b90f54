import type { Server } from 'restify';
import { mintUserToken, type RunningSimulator } from '@custodia/m365-simulator';

/**
 * Development sign-in, mounted only when Custodia runs on the tenant simulator: lists the demo
 * tenants' people (customer and provider) and mints a Teams-style SSO token for one, so the portal can be tried in a
 * plain browser. Never mounted against a real Microsoft 365.
 */
export function mountDevSignIn(server: Server, sim: RunningSimulator): void {
  // The demo customer's people, then the demo provider's (its operator works every customer's tickets).
  const everyone = () =>
    [sim.control, ...sim.moreTenants.map((tenant) => tenant.control)].flatMap((control) => control.listUsers());
  server.get('/dev/users', async (_request, response) => {
    response.send(everyone().map(({ id, displayName, userPrincipalName }) => ({ id, displayName, userPrincipalName })));
  });
  server.post('/dev/sign-in', async (request, response) => {
    const body = request.body as { userPrincipalName?: unknown } | undefined;
    const upn = typeof body?.userPrincipalName === 'string' ? body.userPrincipalName.toLowerCase() : '';
    const user = everyone().find((candidate) => candidate.userPrincipalName.toLowerCase() === upn);
    if (!user) {
      response.send(404, {
        error: {
          code: 'unknown_user',
          message: `No demo user ${upn || '(none given)'} / Nessun utente demo ${upn || '(non indicato)'}`,
        },
      });
      return;
    }
    response.send({ token: await mintUserToken(sim, { id: user.id }) });
  });
}
