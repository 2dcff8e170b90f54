import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type * as AzureStorageBlob from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';
import type { PackBackend } from './pack-backend.js';

/**
 * The Azure SDK is loaded when an Azure backend is made, not when the store module is: it is about 40 MB of resident
 * memory (its pipeline, XML parser and generated models), which a worker or any process with a filesystem store held
 * for nothing. A synchronous require, so that `location` is known when the backend is returned.
 */
let sdk: typeof AzureStorageBlob | undefined;
function azureSdk(): typeof AzureStorageBlob {
  sdk ??= createRequire(import.meta.url)('@azure/storage-blob') as typeof AzureStorageBlob;
  return sdk;
}

export interface AzureBlobBackendOptions {
  /** An Azure Storage connection string (for Azurite, the well-known devstoreaccount1 one). */
  readonly connectionString: string;
  /** The container that holds the store; created on first write. */
  readonly container: string;
}

/**
 * Azure Blob Storage backend. A pack is one Put Blob request, so a block blob is committed once and readers see the
 * whole pack or none; key files are created with If-None-Match: * so exactly one racing writer wins.
 */
export function azureBlobBackend(options: AzureBlobBackendOptions): PackBackend {
  const container = azureSdk()
    .BlobServiceClient.fromConnectionString(options.connectionString)
    .getContainerClient(options.container);
  let created: Promise<unknown> | undefined;
  const ready = (): Promise<ContainerClient> => {
    created ??= container.createIfNotExists().catch((error: unknown) => {
      created = undefined;
      throw error;
    });
    return created.then(() => container);
  };

  return {
    location: container.url,

    async writePack(path, parts) {
      const length = parts.reduce((total, part) => total + part.length, 0);
      await (await ready()).getBlockBlobClient(path).upload(() => Readable.from(parts), length);
    },

    async readPackRange(path, offset, length) {
      const buffer = await container.getBlockBlobClient(path).downloadToBuffer(offset, length);
      if (buffer.length !== length) throw new Error(`pack ${path} ends before byte ${offset + length}`);
      return buffer;
    },

    async packSize(path) {
      const properties = await container.getBlockBlobClient(path).getProperties().catch(ignoreNotFound);
      return properties?.contentLength;
    },

    async *listPacks(prefix) {
      try {
        for await (const blob of container.listBlobsFlat({ prefix })) {
          yield { path: blob.name, size: blob.properties.contentLength ?? 0 };
        }
      } catch (error) {
        ignoreNotFound(error);
      }
    },

    async deletePack(path) {
      await container.getBlockBlobClient(path).deleteIfExists();
    },

    async readKeyFile(path) {
      return container.getBlockBlobClient(path).downloadToBuffer().catch(ignoreNotFound);
    },

    async createKeyFile(path, data) {
      try {
        await (await ready()).getBlockBlobClient(path).upload(data, data.length, { conditions: { ifNoneMatch: '*' } });
        return true;
      } catch (error) {
        if (error instanceof azureSdk().RestError && (error.statusCode === 409 || error.statusCode === 412))
          return false;
        throw error;
      }
    },
  };
}

function ignoreNotFound(error: unknown): undefined {
  if (error instanceof azureSdk().RestError && error.statusCode === 404) return undefined;
  throw error;
}
