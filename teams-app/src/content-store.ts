import { join } from 'node:path';
import type { Db } from 'mongodb';
import {
  azureBlobBackend,
  filesystemBackend,
  openContentStore,
  type ContentStore,
  type PackBackend,
} from '@custodia/backend/store/index';
import type { AppConfig } from './config.js';

/** The content store on Azure Blob Storage when configured, on the local filesystem otherwise; and its backend. */
export async function openConfiguredStore(
  config: AppConfig,
  db: Db,
  masterKey: Buffer,
): Promise<{ store: ContentStore; backend: PackBackend }> {
  const backend = config.azureStore
    ? azureBlobBackend(config.azureStore)
    : filesystemBackend(join(config.dataDir, 'store'));
  return { store: await openContentStore({ db, backend, masterKey }), backend };
}
