import type { Actor } from '@custodia/backend/audit/activity-store';
import { readDisplayName } from '@custodia/backend/graph/directory/index';
import type { BotPerson } from './people.js';
import type { BotServices } from './services.js';

/**
 * The activity log's actor for a person acting from Teams, as Microsoft 365 knows them: their Entra object id and
 * the display name the directory gives it, or the portal's record of them when the directory cannot answer (consent
 * withdrawn, Graph unreachable). Never the name the activity carries, which its sender chooses.
 */
export async function actorOf(services: BotServices, person: BotPerson): Promise<Actor> {
  const id = person.aadObjectId ?? person.id;
  const email = person.portalEmail ?? person.email ?? id;
  const name = (await directoryName(services, person.tenantId, person.aadObjectId)) ?? person.portalName ?? email;
  return { kind: 'person', id, name, email, role: person.role ?? 'none' };
}

async function directoryName(
  services: BotServices,
  tenantId: string,
  objectId: string | undefined,
): Promise<string | undefined> {
  if (objectId === undefined) return undefined;
  try {
    return await readDisplayName(await services.directory.graphFor(tenantId), objectId);
  } catch {
    // The portal's record is the second source of the name; the action itself does not depend on Graph.
    return undefined;
  }
}
