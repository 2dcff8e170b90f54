import type { Db } from 'mongodb';
import type { Language } from '../language/language.js';
import type { GraphGateway } from '../graph/index.js';
import { findUser } from '../graph/directory/index.js';
import { RestoreRequests } from '../restore/restore-requests.js';
import { selfServiceRequester } from '../restore/self-service.js';
import { readSettings } from '../settings/settings-store.js';

export interface Addressee {
  readonly name: string;
  /** Lower case. */
  readonly email: string;
  readonly language: Language;
}

const selfServicePrefix = selfServiceRequester('');

/**
 * The person who asked for a restore, with the address to write to and the language they asked
 * in. `requestedBy` is an Entra object id (prefixed for self-service) or an address; an object id
 * is looked up in the tenant's directory. Null when the person has no mailbox any more.
 */
export async function restoreRequester(
  db: Db,
  graphFor: (tenantId: string) => Promise<GraphGateway>,
  tenantId: string,
  restoreId: string,
  requestedBy: string,
): Promise<Addressee | null> {
  const [request, settings] = await Promise.all([
    new RestoreRequests(db).get(tenantId, restoreId),
    readSettings(db, tenantId),
  ]);
  const language = request?.language ?? settings.defaultLanguage;
  const id = requestedBy.startsWith(selfServicePrefix) ? requestedBy.slice(selfServicePrefix.length) : requestedBy;
  if (id.includes('@')) return { name: id, email: id.toLowerCase(), language };
  const gateway = await graphFor(tenantId);
  const user = await findUser(gateway, id);
  const email = user && (user.mail ?? user.userPrincipalName);
  if (!email) return null;
  return { name: user.displayName ?? email, email: email.toLowerCase(), language };
}
