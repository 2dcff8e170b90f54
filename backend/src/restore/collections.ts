import { defineTenantCollection } from '../db/index.js';
import type { RestoreItem, RestoreRequest } from '../restore-model/model.js';
import type { ExportRecord } from './export-model.js';

export const restoreRequestsCollection = defineTenantCollection<RestoreRequest>('restoreRequests', [
  { key: { tenantId: 1, restoreId: 1 }, unique: true, name: 'tenant_restore' },
  { key: { tenantId: 1, requestedAt: -1 }, name: 'tenant_requested' },
]);

export const restoreItemsCollection = defineTenantCollection<RestoreItem>('restoreItems', [
  // Planning twice (a repeated job) inserts nothing twice.
  { key: { tenantId: 1, restoreId: 1, seq: 1 }, unique: true, name: 'tenant_restore_seq' },
]);

export const exportsCollection = defineTenantCollection<ExportRecord>('restoreExports', [
  { key: { tenantId: 1, exportId: 1 }, unique: true, name: 'tenant_export' },
  { key: { tenantId: 1, token: 1 }, name: 'tenant_token' },
]);
