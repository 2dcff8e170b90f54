import { randomBytes } from 'node:crypto';
import { StoreError } from './errors.js';
import type { PackBackend } from './pack-backend.js';
import { masterKeyId, open, seal } from './sealed-box.js';
import { assertTenantId } from './tenant-id.js';

const MASTER_FILE = 'keys/master.json';
const tenantKeyPath = (tenantId: string) => `keys/tenants/${tenantId}.json`;
const wrapAad = (tenantId: string) => Buffer.from(`custodia-tenant-key-v1:${tenantId}`, 'utf8');

interface MasterFile {
  format: 'custodia-master';
  version: 1;
  masterKeyId: string;
}

interface TenantKeyFile {
  format: 'custodia-tenant-key';
  version: 1;
  tenantId: string;
  masterKeyId: string;
  algorithm: 'AES-256-GCM';
  wrappedKey: string;
  createdAt: string;
}

/** Per-tenant data keys, unwrapped once per process and kept in memory (FORMAT.md, "keys/"). */
export class KeyRing {
  private readonly keys = new Map<string, Promise<Buffer>>();

  private constructor(
    private readonly backend: PackBackend,
    private readonly masterKey: Buffer,
    private readonly keyId: string,
  ) {}

  /** Checks the master key against the store (recording it if the store is new) before any data is touched. */
  static async open(backend: PackBackend, masterKey: Buffer): Promise<KeyRing> {
    if (masterKey.length !== 32) {
      throw new StoreError('invalid-master-key', {
        en: `the content store master key must be 32 bytes, not ${masterKey.length}`,
        it: `la chiave principale dell'archivio deve essere di 32 byte, non ${masterKey.length}`,
      });
    }
    const keyId = masterKeyId(masterKey);
    const record: MasterFile = { format: 'custodia-master', version: 1, masterKeyId: keyId };
    // Read first: opening an existing store writes nothing (verify must work on a full disk, and read-only copies).
    let file = await backend.readKeyFile(MASTER_FILE);
    if (!file) {
      await backend.createKeyFile(MASTER_FILE, Buffer.from(JSON.stringify(record, null, 2)));
      file = await backend.readKeyFile(MASTER_FILE);
    }
    const stored = parseJson<MasterFile>(file, MASTER_FILE);
    if (stored.masterKeyId !== keyId) throw wrongMasterKey(backend, stored.masterKeyId, keyId);
    return new KeyRing(backend, masterKey, keyId);
  }

  /** The tenant's data key, created (exactly once across all processes) on first use. */
  dataKey(tenantId: string): Promise<Buffer> {
    assertTenantId(tenantId);
    let key = this.keys.get(tenantId);
    if (!key) {
      key = this.loadOrCreate(tenantId);
      key.catch(() => this.keys.delete(tenantId));
      this.keys.set(tenantId, key);
    }
    return key;
  }

  /** The tenant's data key if the tenant has one; undefined for a tenant that never stored anything. */
  async existingDataKey(tenantId: string): Promise<Buffer | undefined> {
    assertTenantId(tenantId);
    const cached = this.keys.get(tenantId);
    if (cached) return cached;
    const file = await this.backend.readKeyFile(tenantKeyPath(tenantId));
    return file ? this.dataKey(tenantId) : undefined;
  }

  private async loadOrCreate(tenantId: string): Promise<Buffer> {
    const path = tenantKeyPath(tenantId);
    let file = await this.backend.readKeyFile(path);
    if (!file) {
      const record: TenantKeyFile = {
        format: 'custodia-tenant-key',
        version: 1,
        tenantId,
        masterKeyId: this.keyId,
        algorithm: 'AES-256-GCM',
        wrappedKey: seal(this.masterKey, wrapAad(tenantId), randomBytes(32)).toString('base64'),
        createdAt: new Date().toISOString(),
      };
      // Another process may win the race; either way the key file that exists now is the tenant's key.
      await this.backend.createKeyFile(path, Buffer.from(JSON.stringify(record, null, 2)));
      file = await this.backend.readKeyFile(path);
    }
    const record = parseJson<TenantKeyFile>(file, path);
    const key = open(this.masterKey, wrapAad(tenantId), Buffer.from(record.wrappedKey ?? '', 'base64'));
    if (!key) {
      if (record.masterKeyId !== this.keyId) throw wrongMasterKey(this.backend, record.masterKeyId, this.keyId);
      throw new StoreError('corrupt-key-file', {
        en: `the data key of tenant ${tenantId} in ${path} does not open with the configured master key: the file is damaged`,
        it: `la chiave dati del tenant ${tenantId} in ${path} non si apre con la chiave principale configurata: il file è danneggiato`,
      });
    }
    return key;
  }
}

function wrongMasterKey(backend: PackBackend, storedId: string, configuredId: string): StoreError {
  return new StoreError('wrong-master-key', {
    en: `the content store at ${backend.location} was written with master key ${storedId}, but the configured master key is ${configuredId}: configure the original key`,
    it: `l'archivio in ${backend.location} è stato scritto con la chiave principale ${storedId}, ma quella configurata è ${configuredId}: configurare la chiave originale`,
  });
}

function parseJson<T>(file: Buffer | undefined, path: string): T {
  try {
    if (!file) throw new Error('missing');
    return JSON.parse(file.toString('utf8')) as T;
  } catch (error) {
    throw new StoreError(
      'corrupt-key-file',
      {
        en: `the key file ${path} is missing or is not valid JSON`,
        it: `il file di chiave ${path} manca o non è JSON valido`,
      },
      { cause: error },
    );
  }
}
