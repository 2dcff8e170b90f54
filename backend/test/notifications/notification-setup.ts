import { randomUUID } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import type { Db } from 'mongodb';
import type { Language } from '../../src/language/language.js';
import { GraphGateway, type GraphLimits } from '../../src/graph/index.js';
import {
  notificationRecipients,
  type NotificationEvent,
  type NotificationRecipient,
} from '../../src/settings/notification-recipients.js';

export interface TenantSim {
  readonly sim: RunningSimulator;
  readonly tenantId: string;
  /** The mailbox configured as the tenant's notification sender. */
  readonly sender: string;
  readonly gateway: GraphGateway;
}

/** A small simulated customer tenant whose id is the API harness's, with a sender mailbox and one user. */
export async function startTenantSim(
  db: Db,
  tenantId: string,
  domain: string,
  limits: Partial<GraphLimits> = {},
): Promise<TenantSim> {
  const sim = await startSimulator({
    tenant: {
      tenantId,
      displayName: `Tenant ${domain}`,
      domain,
      users: [
        { userPrincipalName: `backup@${domain}`, displayName: 'Backup notifiche' },
        { userPrincipalName: `marta.neri@${domain}`, displayName: 'Marta Neri', preferredLanguage: 'it-IT' },
      ],
    },
  });
  const gateway = await GraphGateway.open({
    connection: {
      tenantId,
      clientId: sim.app.clientId,
      clientSecret: sim.app.clientSecret,
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
    },
    db,
    limits: { backoffBaseMs: 50, ...limits },
  });
  return { sim, tenantId, sender: `backup@${domain}`, gateway };
}

export async function addRecipient(
  db: Db,
  tenantId: string,
  email: string,
  language: Language,
  events: NotificationEvent[],
): Promise<NotificationRecipient> {
  const recipient: NotificationRecipient = {
    tenantId,
    id: randomUUID(),
    name: email.split('@')[0] ?? email,
    email,
    language,
    events,
    createdAt: new Date(),
  };
  await notificationRecipients.scoped(db).insertOne(tenantId, { ...recipient });
  return recipient;
}

export interface SentMail {
  readonly from: string;
  readonly to: string[];
  readonly subject: string;
  readonly body: string;
}

/** What the simulated tenant's `sendMail` accepted, with the sender's principal name. */
export function sentMail(tenant: TenantSim): SentMail[] {
  const upnOf = new Map(tenant.sim.control.listUsers().map((user) => [user.id, user.userPrincipalName]));
  return tenant.sim.control.outbox().map((entry) => ({
    from: upnOf.get(entry.userId) ?? entry.userId,
    to: entry.message.to.map((address) => address.address),
    subject: entry.message.subject,
    body: entry.message.body.content,
  }));
}

export function sentTo(tenant: TenantSim, email: string): SentMail[] {
  return sentMail(tenant).filter((mail) => mail.to.includes(email));
}
