import type { Db } from 'mongodb';
import {
  azureBlobBackend,
  filesystemBackend,
  locatedBackend,
  openContentStore,
  type ContentStore,
  type PackBackend,
} from '@custodia/backend/store/index';
import { tenantDataLocations, tenantsOutside } from '@custodia/backend/tenants/tenant-location';
import { ConfigError } from './config-error.js';
import type { StoreLocation, StoreTarget } from './store-locations.js';

function backendOf(target: StoreTarget): PackBackend {
  return target.kind === 'azure'
    ? azureBlobBackend({ connectionString: target.connectionString, container: target.container })
    : filesystemBackend(target.path);
}

/**
 * One backend over the configured stores: each tenant's packs, index files and key go to the store of its data
 * location (STORE_LOCATIONS); a tenant not yet set up uses the first. Locations sharing a target share one backend.
 */
export function configuredStoreBackend(db: Db, locations: readonly StoreLocation[]): PackBackend {
  const byTarget = new Map<string, PackBackend>();
  const stores = new Map<string, PackBackend>();
  for (const { location, store } of locations) {
    const key = store.kind === 'azure' ? `azure:${store.connectionString}:${store.container}` : `file:${store.path}`;
    if (!byTarget.has(key)) byTarget.set(key, backendOf(store));
    stores.set(location, byTarget.get(key)!);
  }
  return locatedBackend({ stores, locationOf: tenantDataLocations(db) });
}

/** The content store over the configured stores (`configuredStoreBackend`), and its backend. */
export async function openConfiguredStore(
  locations: readonly StoreLocation[],
  db: Db,
  masterKey: Buffer,
): Promise<{ store: ContentStore; backend: PackBackend }> {
  const backend = configuredStoreBackend(db, locations);
  return { store: await openContentStore({ db, backend, masterKey }), backend };
}

/** Start-up refuses a configuration that leaves a tenant's chosen data location without a store. */
export async function refuseTenantsWithoutStore(db: Db, locations: readonly StoreLocation[]): Promise<void> {
  const stranded = await tenantsOutside(
    db,
    locations.map((entry) => entry.location),
  );
  if (stranded.length === 0) return;
  throw new ConfigError(
    stranded.map(
      ({ tenantId, dataLocation }) =>
        `STORE_LOCATIONS has no store for ${dataLocation}, where tenant ${tenantId} keeps its data / ` +
        `STORE_LOCATIONS non ha un archivio per ${dataLocation}, dove il tenant ${tenantId} conserva i dati`,
    ),
  );
}
