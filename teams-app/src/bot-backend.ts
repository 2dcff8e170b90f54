import type { Db } from 'mongodb';
import type { ActivityLog } from '@custodia/backend/audit/activity-log';
import type { RunEngine } from '@custodia/backend/backup/index';
import { latestRuns } from '@custodia/backend/backup/run-reads';
import { ResourceReads, VersionReads } from '@custodia/backend/catalog/index';
import { requestRun } from '@custodia/backend/jobs-api/run-request';
import { licenceUsage } from '@custodia/backend/licences/index';
import {
  findActivePortalUser,
  portalUserByEmail,
  unrevokedPortalUsers,
} from '@custodia/backend/portal-users/portal-user-store';
import { RestoreRequests } from '@custodia/backend/restore/index';
import { DurableEventConsumer } from '@custodia/backend/run-end/index';
import { recipientsFor } from '@custodia/backend/settings/notification-recipients';
import { findTenant } from '@custodia/backend/tenants/tenant-store';
import { openBotStores, type BotBackend, type ProductReads } from '@custodia/bot';

/** The bot's side of the product, opened on its database: the bot itself is given services, never the database. */
export async function openBotBackend(db: Db, run: { engine: RunEngine; activity: ActivityLog }): Promise<BotBackend> {
  return {
    product: productReads(db),
    stores: await openBotStores(db),
    requestRun: (request) => requestRun({ db, ...run }, request),
    consumers: (options) => new DurableEventConsumer({ db, ...options }),
  };
}

function productReads(db: Db): ProductReads {
  const resources = new ResourceReads(db);
  const versions = new VersionReads(db);
  return {
    isOnboarded: async (tenantId) => (await findTenant(db, tenantId)) !== null,
    activePortalUser: (tenantId, userId, email) => findActivePortalUser(db, tenantId, userId, email),
    unrevokedPortalUsers: (tenantId) => unrevokedPortalUsers(db, tenantId),
    portalUserByEmail: (tenantId, email) => portalUserByEmail(db, tenantId, email),
    recipientsFor: (tenantId, event) => recipientsFor(db, tenantId, event),
    licenceUsage: (tenantId) => licenceUsage(db, tenantId),
    latestRuns: (tenantId, jobIds) => latestRuns(db, tenantId, jobIds),
    restores: new RestoreRequests(db),
    resources: (tenantId, resourceIds, ownerUserId) => resources.withIdsOrOwner(tenantId, resourceIds, ownerUserId),
    resourceOfVersion: (tenantId, versionId) => versions.resourceOfVersion(tenantId, versionId),
  };
}
