import { azureBlobBackend } from '../../src/store/index.js';
import { startAzurite } from '../store/azurite.js';
import { garbageCollectionSuite } from './gc-suite.js';

garbageCollectionSuite('Azure Blob Storage (Azurite)', async () => {
  const azurite = await startAzurite();
  return {
    backend: azureBlobBackend({ connectionString: azurite.connectionString, container: 'custodia-gc' }),
    dispose: () => azurite.stop(),
  };
});
