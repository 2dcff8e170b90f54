import { defineTenantCollection } from '../db/index.js';
import { searchBucketFields } from './search-buckets.js';
import type { CatalogDateBucket, CatalogFolder, DeltaCursor, ItemVersion, ProtectedResource } from './model.js';

export const resourcesCollection = defineTenantCollection<ProtectedResource>('resources', [
  { key: { tenantId: 1, resourceId: 1 }, unique: true, name: 'tenant_resource' },
  { key: { tenantId: 1, ownerUserId: 1 }, name: 'tenant_owner' },
]);

export const itemVersionsCollection = defineTenantCollection<ItemVersion>('itemVersions', [
  // Idempotency: replaying a delta page records nothing twice.
  { key: { tenantId: 1, resourceId: 1, graphId: 1, versionKey: 1 }, unique: true, name: 'version_identity' },
  // The current version of an item (validTo null) and its history.
  { key: { tenantId: 1, resourceId: 1, graphId: 1, validFrom: -1 }, name: 'item_history' },
  // Browse a folder at a point in time.
  { key: { tenantId: 1, resourceId: 1, containerId: 1, validFrom: 1 }, name: 'folder_browse' },
  // Search by word (multikey, one index per bucket of terms), sender, date.
  ...searchBucketFields.map((field, bucket) => ({ key: { tenantId: 1, [field]: 1 }, name: `search_terms_${bucket}` })),
  { key: { tenantId: 1, from: 1, itemDate: -1 }, name: 'search_sender' },
  { key: { tenantId: 1, resourceId: 1, itemDate: -1 }, name: 'resource_date' },
  // Search newest first, a month or a day at a time (`newest-first-search.ts`).
  { key: { tenantId: 1, searchMonths: 1 }, name: 'search_month' },
  { key: { tenantId: 1, searchDays: 1 }, name: 'search_day' },
  // The messages of one Outlook conversation (the Outlook pane).
  { key: { tenantId: 1, resourceId: 1, 'properties.conversationId': 1 }, name: 'resource_conversation' },
]);

export const foldersCollection = defineTenantCollection<CatalogFolder>('catalogFolders', [
  { key: { tenantId: 1, resourceId: 1, folderId: 1 }, unique: true, name: 'tenant_resource_folder' },
]);

export const deltaCursorsCollection = defineTenantCollection<DeltaCursor>('deltaCursors', [
  { key: { tenantId: 1, resourceId: 1, stream: 1 }, unique: true, name: 'tenant_resource_stream' },
]);

export const dateBucketsCollection = defineTenantCollection<CatalogDateBucket>('catalogDateBuckets', [
  { key: { tenantId: 1, scope: 1, month: 1 }, name: 'tenant_scope_month' },
]);
