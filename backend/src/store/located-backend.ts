import { StoreError } from './errors.js';
import type { PackBackend, StoredObject } from './pack-backend.js';

export interface LocatedBackendOptions {
  /** One store per data location, in the order configured; the first also serves tenants with no location yet. */
  readonly stores: ReadonlyMap<string, PackBackend>;
  /** The tenant's data location, or undefined while it has none. */
  readonly locationOf: (tenantId: string) => Promise<string | undefined>;
}

/** `keys/tenants/<tenantId>.json`, `packs/<tenantId>/…`, `index/<tenantId>/…` (FORMAT.md, "Layout"). */
const TENANT_PATH = /^(?:keys\/tenants\/([^/]+)\.json|(?:packs|index)\/([^/]+)\/.*)$/;
/** A listing prefix that names one tenant: `packs/<tenantId>/`, `index/<tenantId>/`. */
const TENANT_PREFIX = /^(?:packs|index)\/([^/]+)\//;

/**
 * Several stores as one: every path of a tenant goes to the store of the tenant's data location, so each tenant's
 * keys, packs and index files live only there. A file that belongs to no tenant (`keys/master.json`) is the same in
 * every store: it is read from all of them (a store without it reads as missing, stores that disagree fail with
 * `wrong-master-key`) and created in each store that lacks it. Listing a prefix that names no tenant lists every store.
 */
export function locatedBackend(options: LocatedBackendOptions): PackBackend {
  const stores = [...new Set(options.stores.values())];
  const [first] = stores;
  if (!first) throw new Error('at least one store is needed');
  const locations = [...options.stores.keys()];

  async function storeOf(tenantId: string): Promise<PackBackend> {
    const location = await options.locationOf(tenantId);
    if (location === undefined) return first!;
    const store = options.stores.get(location);
    if (!store) throw locationNotConfigured(tenantId, location, locations);
    return store;
  }

  function storeFor(path: string): Promise<PackBackend> {
    const match = TENANT_PATH.exec(path);
    const tenantId = match?.[1] ?? match?.[2];
    if (tenantId === undefined) throw new Error(`"${path}" belongs to no tenant`);
    return storeOf(tenantId);
  }

  async function readSharedFile(path: string): Promise<Buffer | undefined> {
    const files = await Promise.all(stores.map((store) => store.readKeyFile(path)));
    if (files.some((file) => file === undefined)) return undefined;
    const [one, ...others] = files as Buffer[];
    const differing = others.findIndex((file) => !file.equals(one!));
    if (differing >= 0) throw storesDisagree(path, first!, stores[differing + 1]!);
    return one;
  }

  return {
    location: [...options.stores].map(([location, store]) => `${location}: ${store.location}`).join(', '),
    async writePack(path, parts) {
      return (await storeFor(path)).writePack(path, parts);
    },
    async readPackRange(path, offset, length) {
      return (await storeFor(path)).readPackRange(path, offset, length);
    },
    async packSize(path) {
      return (await storeFor(path)).packSize(path);
    },
    async *listPacks(prefix): AsyncIterable<StoredObject> {
      const tenantId = TENANT_PREFIX.exec(prefix)?.[1];
      const listed = tenantId === undefined ? stores : [await storeOf(tenantId)];
      for (const store of listed) yield* store.listPacks(prefix);
    },
    async deletePack(path) {
      return (await storeFor(path)).deletePack(path);
    },
    async readKeyFile(path) {
      return TENANT_PATH.test(path) ? (await storeFor(path)).readKeyFile(path) : readSharedFile(path);
    },
    async createKeyFile(path, data) {
      if (TENANT_PATH.test(path)) return (await storeFor(path)).createKeyFile(path, data);
      const created = await Promise.all(stores.map((store) => store.createKeyFile(path, data)));
      return created.some(Boolean);
    },
  };
}

function locationNotConfigured(tenantId: string, location: string, configured: readonly string[]): StoreError {
  return new StoreError('location-not-configured', {
    en: `tenant ${tenantId} keeps its data in ${location}, which has no content store configured (configured: ${configured.join(', ')})`,
    it: `il tenant ${tenantId} conserva i dati in ${location}, per cui non è configurato alcun archivio (configurati: ${configured.join(', ')})`,
  });
}

function storesDisagree(path: string, one: PackBackend, other: PackBackend): StoreError {
  return new StoreError('wrong-master-key', {
    en: `${path} differs between ${one.location} and ${other.location}: the stores were written with different master keys`,
    it: `${path} è diverso tra ${one.location} e ${other.location}: gli archivi sono stati scritti con chiavi principali diverse`,
  });
}
