import type { Db } from 'mongodb';
import { DECODE_FAILURE_TEXT, decodeBlob } from './blob-codec.js';
import { storeBlobs, type BlobLocation } from './blob-index.js';
import type { LocalizedText } from './errors.js';
import { KeyRing } from './key-ring.js';
import type { PackBackend, StoredObject } from './pack-backend.js';
import { packIdOf, packPath, type PackEntry } from './pack-format.js';
import { readPackHeader } from './pack-reader.js';
import { IndexFileCheck, samePlace, type IndexFinding } from './verify-index-files.js';

export interface VerifyOptions {
  readonly db: Db;
  readonly backend: PackBackend;
  readonly masterKey: Buffer;
  /** Only this tenant; every tenant with packs or index entries otherwise. */
  readonly tenantId?: string;
  /** Also read every pack whole: check its hash against its name and decrypt and hash every blob. */
  readonly readData?: boolean;
  /** With readData, the share of packs (0 to 1, chosen at random) read whole; all of them unless set. */
  readonly sample?: number;
}

/** One finding, located as precisely as possible and said in plain words. */
export interface StoreFinding {
  readonly tenantId: string;
  readonly packId?: string;
  readonly blobId?: string;
  readonly text: LocalizedText;
}

export interface VerifyReport {
  readonly tenants: number;
  readonly packs: number;
  /** Packs read whole and checked blob by blob (readData). */
  readonly packsRead: number;
  readonly blobs: number;
  readonly bytes: number;
  /** Damage: content that a restore would fail to read. An intact store has none. */
  readonly problems: StoreFinding[];
  /** Harmless waste that garbage collection can reclaim: unindexed packs, blobs stored twice. */
  readonly notices: StoreFinding[];
}

const PACK_PATH = /^packs\/([^/]+)\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** Checks that the index and the packs agree, and optionally that every byte of content is intact (FORMAT.md). */
export async function verifyStore(options: VerifyOptions): Promise<VerifyReport> {
  const keys = await KeyRing.open(options.backend, options.masterKey);
  const index = storeBlobs.raw(options.db);
  const report = {
    tenants: 0,
    packs: 0,
    packsRead: 0,
    blobs: 0,
    bytes: 0,
    problems: [] as StoreFinding[],
    notices: [],
  };

  const packsByTenant = new Map<string, StoredObject[]>();
  for await (const pack of options.backend.listPacks(options.tenantId ? `packs/${options.tenantId}/` : 'packs/')) {
    const match = PACK_PATH.exec(pack.path);
    const tenantId = match?.[1] ?? options.tenantId ?? '?';
    if (!match || match[2] !== match[3]!.slice(0, 2)) {
      report.problems.push({ tenantId, text: strayFile(pack.path) });
      continue;
    }
    packsByTenant.set(tenantId, [...(packsByTenant.get(tenantId) ?? []), pack]);
  }
  const tenants = new Set(packsByTenant.keys());
  const indexedTenants = options.tenantId ? [options.tenantId] : await index.distinct('tenantId');
  for (const tenantId of indexedTenants) tenants.add(tenantId);
  if (!options.tenantId) {
    for await (const file of options.backend.listPacks('index/')) tenants.add(file.path.split('/')[1] ?? '?');
  }

  for (const tenantId of tenants) {
    report.tenants++;
    const checker = new TenantChecker(options, keys, tenantId, report);
    await checker.check(packsByTenant.get(tenantId) ?? []);
  }
  return report;
}

type MutableReport = { -readonly [K in keyof VerifyReport]: VerifyReport[K] };

class TenantChecker {
  private readonly index;

  constructor(
    private readonly options: VerifyOptions,
    private readonly keys: KeyRing,
    private readonly tenantId: string,
    private readonly report: MutableReport,
  ) {
    this.index = storeBlobs.scoped(options.db);
  }

  async check(packs: readonly StoredObject[]): Promise<void> {
    const key = await this.keys.existingDataKey(this.tenantId);
    if (!key) {
      this.problem({
        en: 'the tenant has stored content but no key file',
        it: 'il tenant ha contenuti ma nessun file di chiave',
      });
      return;
    }
    const present = new Set(packs.map((pack) => pack.path.slice(pack.path.lastIndexOf('/') + 1)));
    const files = await IndexFileCheck.load(this.options.backend, key, this.tenantId);
    this.note(files.ofFiles(present));
    const indexedPacks = await storeBlobs.raw(this.options.db).distinct('packId', { tenantId: this.tenantId });
    for (const packId of indexedPacks) {
      if (present.has(packId)) continue;
      const lost = await this.index.countDocuments(this.tenantId, { packId });
      this.problem(
        {
          en: `the database records ${lost} blob(s) in pack ${packId}, which is missing from the store`,
          it: `il database registra ${lost} blob nel pack ${packId}, che manca dall'archivio`,
        },
        packId,
      );
    }
    for (const pack of packs) await this.checkPack(key, pack, files);
    await this.noticeDuplicates();
  }

  private async checkPack(key: Buffer, pack: StoredObject, files: IndexFileCheck): Promise<void> {
    const packId = pack.path.slice(pack.path.lastIndexOf('/') + 1);
    const path = packPath(this.tenantId, packId);
    this.report.packs++;
    this.report.bytes += pack.size;
    const header = await readPackHeader(this.options.backend, key, this.tenantId, path, pack.size);
    if (!header) {
      this.problem(
        {
          en: `the header of pack ${packId} does not open: the pack is damaged`,
          it: `l'intestazione del pack ${packId} non si apre: il pack è danneggiato`,
        },
        packId,
      );
      return;
    }
    this.report.blobs += header.length;
    const indexed = await this.index.find(this.tenantId, { packId }).toArray();
    this.note(files.ofPack(packId, header, indexed.length > 0));
    if (indexed.length > 0) this.compare(packId, header, indexed);
    if (this.options.readData && Math.random() < (this.options.sample ?? 1)) {
      this.report.packsRead++;
      await this.checkData(key, path, packId, header);
    }
  }

  private compare(packId: string, header: readonly PackEntry[], indexed: readonly BlobLocation[]): void {
    const listed = new Map(header.map((entry) => [entry.id, entry]));
    for (const location of indexed) {
      const entry = listed.get(location.blobId);
      listed.delete(location.blobId);
      if (!entry || !samePlace(entry, location)) {
        this.problem(
          {
            en: `the database places blob ${location.blobId} in pack ${packId}, but the pack's header ${entry ? 'places it elsewhere' : 'does not list it'}`,
            it: `il database colloca il blob ${location.blobId} nel pack ${packId}, ma l'intestazione del pack ${entry ? 'lo colloca altrove' : 'non lo elenca'}`,
          },
          packId,
          location.blobId,
        );
      }
    }
    for (const blobId of listed.keys()) {
      this.problem(
        {
          en: `blob ${blobId} is in pack ${packId} but has no state in the database`,
          it: `il blob ${blobId} è nel pack ${packId} ma non ha uno stato nel database`,
        },
        packId,
        blobId,
      );
    }
  }

  private async checkData(key: Buffer, path: string, packId: string, header: readonly PackEntry[]): Promise<void> {
    const size = await this.options.backend.packSize(path);
    const pack = await this.options.backend.readPackRange(path, 0, size ?? 0);
    if (packIdOf([pack]) !== packId) {
      this.problem(
        {
          en: `the content of pack ${packId} does not hash to its name: it was altered after it was written`,
          it: `il contenuto del pack ${packId} non corrisponde al suo nome: è stato alterato dopo la scrittura`,
        },
        packId,
      );
    }
    for (const entry of header) {
      const box = pack.subarray(entry.offset, entry.offset + entry.length);
      const outcome = await decodeBlob(key, { blobId: entry.id, ...entry }, box);
      if (typeof outcome !== 'string') continue;
      const reason = DECODE_FAILURE_TEXT[outcome];
      this.problem(
        {
          en: `blob ${entry.id} in pack ${packId} ${reason.en}: its content is damaged`,
          it: `il blob ${entry.id} nel pack ${packId} ${reason.it}: il suo contenuto è danneggiato`,
        },
        packId,
        entry.id,
      );
    }
  }

  private async noticeDuplicates(): Promise<void> {
    const [counted] = await storeBlobs
      .raw(this.options.db)
      .aggregate<{ duplicated: number }>([
        { $match: { tenantId: this.tenantId } },
        { $group: { _id: '$blobId', copies: { $sum: 1 } } },
        { $match: { copies: { $gt: 1 } } },
        { $count: 'duplicated' },
      ])
      .toArray();
    if (!counted) return;
    this.report.notices.push({
      tenantId: this.tenantId,
      text: {
        en: `${counted.duplicated} blob(s) are stored in more than one pack (written at the same time by two workers); garbage collection can reclaim the extra copies`,
        it: `${counted.duplicated} blob sono salvati in più di un pack (scritti insieme da due processi); la pulizia può recuperare le copie in più`,
      },
    });
  }

  private note(findings: readonly IndexFinding[]): void {
    for (const { severity, text, packId, blobId } of findings) {
      const finding = { tenantId: this.tenantId, text, ...(packId && { packId }), ...(blobId && { blobId }) };
      (severity === 'problem' ? this.report.problems : this.report.notices).push(finding);
    }
  }

  private problem(text: LocalizedText, packId?: string, blobId?: string): void {
    this.report.problems.push({ tenantId: this.tenantId, packId, blobId, text });
  }
}

function strayFile(path: string): LocalizedText {
  return {
    en: `${path} is not a pack file of this store format`,
    it: `${path} non è un file pack di questo formato di archivio`,
  };
}
