import { join } from 'node:path';
import type { Db } from 'mongodb';
import {
  azureBlobBackend,
  filesystemBackend,
  openContentStore,
  type ContentStore,
} from '@custodia/backend/store/index';
import type { AppConfig } from './config.js';

/** The content store on Azure Blob Storage when configured, on the local filesystem otherwise. */
export function openConfiguredStore(config: AppConfig, db: Db, masterKey: Buffer): Promise<ContentStore> {
  const backend = config.azureStore
    ? azureBlobBackend(config.azureStore)
    : filesystemBackend(join(config.dataDir, 'store'));
  return openContentStore({ db, backend, masterKey });
}
