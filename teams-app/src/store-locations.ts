import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { dataLocations, type DataLocation } from '@custodia/backend/tenants/tenant-store';

/** Where one data location's content store lives. */
export type StoreTarget =
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'azure'; readonly connectionString: string; readonly container: string };

/** A data location a tenant may choose and its store; the first one also serves tenants not yet set up. */
export interface StoreLocation {
  readonly location: DataLocation;
  readonly store: StoreTarget;
}

/** One entry of STORE_LOCATIONS as written: a location alone takes the default store. */
export type StoreEntry =
  | { location: DataLocation; kind: 'default' }
  | { location: DataLocation; kind: 'directory'; path: string }
  | { location: DataLocation; kind: 'azure'; container: string };

const AZURE_CONTAINER = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * STORE_LOCATIONS: `<location>[=file:<absolute path>|=azure:<container>]`, comma-separated, each location once, for
 * example `italy-north=file:/srv/store-it,west-europe=azure:custodia-weu`. A location alone uses the default store.
 */
export const storeLocationsSetting = z.string().transform((value, context): StoreEntry[] => {
  const entries: StoreEntry[] = [];
  for (const written of value.split(',').map((entry) => entry.trim())) {
    const entry = parseEntry(written);
    if (typeof entry === 'string') {
      context.addIssue({ code: 'custom', message: `"${written}": ${entry}` });
      return z.NEVER;
    }
    if (entries.some((other) => other.location === entry.location)) {
      context.addIssue({ code: 'custom', message: `${entry.location} is listed twice` });
      return z.NEVER;
    }
    entries.push(entry);
  }
  return entries;
});

/** Without STORE_LOCATIONS: Italy North (the customer guide's "Italia (Milano)") on the default store. */
export const defaultStoreLocations: StoreEntry[] = [{ location: 'italy-north', kind: 'default' }];

function parseEntry(written: string): StoreEntry | string {
  const [location = '', target] = splitOnce(written, '=');
  if (!(dataLocations as readonly string[]).includes(location)) {
    return `the location must be one of ${dataLocations.join(', ')}`;
  }
  const known = location as DataLocation;
  if (target === undefined) return { location: known, kind: 'default' };
  const [kind, where = ''] = splitOnce(target, ':');
  if (kind === 'file' && isAbsolute(where)) return { location: known, kind: 'directory', path: where };
  if (kind === 'azure' && AZURE_CONTAINER.test(where)) return { location: known, kind: 'azure', container: where };
  return 'the store must be file:<absolute path> or azure:<container> (3-63 lowercase letters, digits and -)';
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * The stores of STORE_LOCATIONS's entries: a location alone gets `defaultStore`; an Azure container is in the account
 * of STORE_AZURE_CONNECTION_STRING. Answers the problem when one is needed and missing.
 */
export function resolveStoreLocations(
  entries: readonly StoreEntry[],
  defaultStore: StoreTarget,
  azureConnectionString: string | undefined,
): StoreLocation[] | string {
  const resolved: StoreLocation[] = [];
  for (const entry of entries) {
    if (entry.kind === 'azure' && azureConnectionString === undefined) {
      return `STORE_LOCATIONS: ${entry.location} is in Azure container ${entry.container}, which needs STORE_AZURE_CONNECTION_STRING`;
    }
    const store: StoreTarget =
      entry.kind === 'default'
        ? defaultStore
        : entry.kind === 'directory'
          ? { kind: 'directory', path: entry.path }
          : { kind: 'azure', connectionString: azureConnectionString!, container: entry.container };
    resolved.push({ location: entry.location, store });
  }
  return resolved;
}
