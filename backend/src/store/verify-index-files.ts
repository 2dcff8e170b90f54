import type { LocalizedText } from './errors.js';
import { refreshPackIndex } from './index-loader.js';
import type { PackBackend } from './pack-backend.js';
import type { PackEntry } from './pack-format.js';
import { PackIndex } from './pack-index.js';

/** A difference between the index files and the packs: a problem when a restore could fail, a notice otherwise. */
export interface IndexFinding {
  readonly severity: 'problem' | 'notice';
  readonly packId?: string;
  readonly blobId?: string;
  readonly text: LocalizedText;
}

/** Checks a tenant's index files against its packs (FORMAT.md, "Verification"). */
export class IndexFileCheck {
  private constructor(
    private readonly index: PackIndex,
    private readonly unreadable: readonly string[],
  ) {}

  static async load(backend: PackBackend, key: Buffer, tenantId: string): Promise<IndexFileCheck> {
    const index = new PackIndex();
    const unreadable = await refreshPackIndex(backend, key, tenantId, index);
    return new IndexFileCheck(index, unreadable);
  }

  /** Files that do not open, files an interrupted collection left, and packs the files list that do not exist. */
  ofFiles(presentPacks: ReadonlySet<string>): IndexFinding[] {
    const findings: IndexFinding[] = this.unreadable.map((indexId) => ({
      severity: 'problem',
      text: {
        en: `index file ${indexId} does not open or does not hash to its name: it is damaged (rebuild the index)`,
        it: `il file indice ${indexId} non si apre o non corrisponde al suo nome: è danneggiato (ricostruire l'indice)`,
      },
    }));
    for (const indexId of this.index.supersededFiles()) {
      findings.push({
        severity: 'notice',
        text: {
          en: `index file ${indexId} is superseded (left by an interrupted collection); the next collection deletes it`,
          it: `il file indice ${indexId} è sostituito (lasciato da una pulizia interrotta); la prossima pulizia lo elimina`,
        },
      });
    }
    for (const [packId, blobs] of this.index.coveredPacks()) {
      if (presentPacks.has(packId)) continue;
      findings.push({
        severity: 'problem',
        packId,
        text: {
          en: `index files list ${blobs.length} blob(s) in pack ${packId}, which is missing from the store`,
          it: `i file indice elencano ${blobs.length} blob nel pack ${packId}, che manca dall'archivio`,
        },
      });
    }
    return findings;
  }

  /** Whether an index file covers the pack, and whether it agrees with the pack's header entry by entry. */
  ofPack(packId: string, header: readonly PackEntry[], recordedInDatabase: boolean): IndexFinding[] {
    const indexed = this.index.coveredPacks().get(packId);
    if (!indexed) return [uncovered(packId, recordedInDatabase)];
    const listed = new Map(header.map((entry) => [entry.id, entry]));
    const findings: IndexFinding[] = recordedInDatabase ? [] : [unrecorded(packId)];
    for (const entry of indexed) {
      const inPack = listed.get(entry.id);
      listed.delete(entry.id);
      if (inPack && samePlace(inPack, entry)) continue;
      findings.push({
        severity: 'problem',
        packId,
        blobId: entry.id,
        text: {
          en: `an index file places blob ${entry.id} in pack ${packId}, but the pack's header ${inPack ? 'places it elsewhere' : 'does not list it'}`,
          it: `un file indice colloca il blob ${entry.id} nel pack ${packId}, ma l'intestazione del pack ${inPack ? 'lo colloca altrove' : 'non lo elenca'}`,
        },
      });
    }
    for (const blobId of listed.keys()) {
      findings.push({
        severity: 'problem',
        packId,
        blobId,
        text: {
          en: `blob ${blobId} is in pack ${packId} but missing from the index files`,
          it: `il blob ${blobId} è nel pack ${packId} ma manca dai file indice`,
        },
      });
    }
    return findings;
  }
}

function uncovered(packId: string, recordedInDatabase: boolean): IndexFinding {
  if (recordedInDatabase) {
    return {
      severity: 'problem',
      packId,
      text: {
        en: `pack ${packId} has blobs recorded in the database but no index file lists it (rebuild the index)`,
        it: `il pack ${packId} ha blob registrati nel database ma nessun file indice lo elenca (ricostruire l'indice)`,
      },
    };
  }
  return {
    severity: 'notice',
    packId,
    text: {
      en: `pack ${packId} is not in the index (left by an interrupted flush); nothing refers to it`,
      it: `il pack ${packId} non è nell'indice (lasciato da un salvataggio interrotto); nulla vi fa riferimento`,
    },
  };
}

function unrecorded(packId: string): IndexFinding {
  return {
    severity: 'notice',
    packId,
    text: {
      en: `pack ${packId} is indexed but its blobs have no state in the database yet (a flush in progress, or interrupted); the next collection records them`,
      it: `il pack ${packId} è indicizzato ma i suoi blob non hanno ancora uno stato nel database (salvataggio in corso o interrotto); la prossima pulizia lo registra`,
    },
  };
}

/** Whether two descriptions of a blob's sealed box agree. */
export function samePlace(a: Omit<PackEntry, 'id'>, b: Omit<PackEntry, 'id'>): boolean {
  return (
    a.offset === b.offset && a.length === b.length && a.rawLength === b.rawLength && a.compression === b.compression
  );
}
