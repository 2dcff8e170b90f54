import { azureBlobBackend } from '../../src/store/index.js';
import { startAzurite } from './azurite.js';
import { indexFilesSuite } from './index-files-suite.js';

indexFilesSuite('Azure Blob Storage (Azurite)', async () => {
  const azurite = await startAzurite();
  return {
    backend: azureBlobBackend({ connectionString: azurite.connectionString, container: 'custodia-index' }),
    dispose: () => azurite.stop(),
  };
});
