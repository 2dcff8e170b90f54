import type { RunningSimulator } from '@custodia/m365-simulator';

interface DirectoryGroup {
  id: string;
  displayName: string;
}

/**
 * A group of the demo tenant and its members' user ids, read from the simulator's Graph as an administrator reads
 * them in Entra ID, to type into the job form (the API lists no groups yet).
 */
export async function directoryGroup(
  sim: RunningSimulator,
  displayName: string,
): Promise<{ id: string; memberIds: string[] }> {
  const tokenResponse = await fetch(`${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.app.clientId,
      client_secret: sim.app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const graph = async <T>(path: string) =>
    (await (await fetch(`${sim.graphBaseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
  const groups = await graph<{ value: DirectoryGroup[] }>('/groups');
  const group = groups.value.find((candidate) => candidate.displayName === displayName);
  if (!group) throw new Error(`the demo tenant has no group ${displayName}`);
  const members = await graph<{ value: Array<{ id: string }> }>(`/groups/${group.id}/transitiveMembers?$select=id`);
  return { id: group.id, memberIds: members.value.map((member) => member.id) };
}
