import { azureBlobBackend } from '../../src/store/index.js';
import { startAzurite } from './azurite.js';
import { contentStoreSuite } from './content-store-suite.js';

contentStoreSuite('Azure Blob Storage (Azurite)', async () => {
  const azurite = await startAzurite();
  return {
    backend: azureBlobBackend({ connectionString: azurite.connectionString, container: 'custodia-store' }),
    dispose: () => azurite.stop(),
  };
});
