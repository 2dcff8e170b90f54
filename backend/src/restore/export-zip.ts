import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { displayFolderPath, splitFolderPath, type ItemVersion, type ProtectedResource } from '../catalog/index.js';
import type { ContentStore } from '../store/index.js';
import { emlFileName } from '../workloads/exchange/export-eml.js';
import { eventToIcs, type IcsEvent } from '../workloads/exchange/export-ics.js';
import { contactToVcard, type VcardContact } from '../workloads/exchange/export-vcf.js';
import { channelThreadHtml } from '../workloads/teams/export-channel-message.js';

export interface ZipExportInput {
  tenantId: string;
  store: ContentStore;
  versions: readonly ItemVersion[];
  resources: ReadonlyMap<string, ProtectedResource>;
}

/** Not allowed in a ZIP entry's name on Windows, or a separator inside a folder's name (`Amministrazione / Fatture`). */
const unsafe = /[\\/:*?"<>|\p{Cc}]+/gu;
const safeSegment = (segment: string): string => segment.replace(unsafe, '_').replace(/^\.+$/, '_') || '_';

/**
 * Streams a selection as a ZIP into `output`: mail as EML (the stored MIME), contacts as VCF, events as ICS, tasks and
 * notes as the JSON of the item and its subject, files as themselves, Teams threads as HTML and JSON, under `<resource>/<folder path>/`. Each item is read from the store as the ZIP is written, so the
 * whole export is never in memory.
 */
export async function writeSelectionZip(input: ZipExportInput, output: Writable): Promise<{ items: number }> {
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, output);
  const used = new Set<string>();
  const unique = (path: string): string => {
    let candidate = path;
    for (let counter = 1; used.has(candidate.toLowerCase()); counter++) {
      const dot = path.lastIndexOf('.');
      candidate =
        dot > path.lastIndexOf('/') ? `${path.slice(0, dot)} ${counter}${path.slice(dot)}` : `${path} ${counter}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  };
  let items = 0;
  for (const [position, version] of input.versions.entries()) {
    if (!version.content) continue;
    const resource = input.resources.get(version.resourceId);
    const folder = [resource?.displayName ?? version.resourceId, ...splitFolderPath(version.containerPath)]
      .map(safeSegment)
      .join('/');
    const mtime = version.itemDate ?? version.validFrom;
    if (version.kind === 'channelMessage') {
      const json = await input.store.read(input.tenantId, version.content);
      const base = `${folder}/${safeSegment(version.name.slice(0, 60) || 'message')} (${position})`;
      zip.addBuffer(json, unique(`${base}.json`), { mtime });
      zip.addBuffer(
        Buffer.from(channelThreadHtml(json, displayFolderPath(version.containerPath)), 'utf8'),
        unique(`${base}.html`),
        {
          mtime,
        },
      );
    } else if (version.kind === 'contact' || version.kind === 'event') {
      const json: unknown = JSON.parse((await input.store.read(input.tenantId, version.content)).toString('utf8'));
      const card =
        version.kind === 'contact'
          ? contactToVcard(json as VcardContact)
          : eventToIcs(json as IcsEvent, version.validFrom);
      const base = `${folder}/${safeSegment(version.name.slice(0, 100) || version.kind)}`;
      zip.addBuffer(Buffer.from(card, 'utf8'), unique(`${base}.${version.kind === 'contact' ? 'vcf' : 'ics'}`), {
        mtime,
      });
    } else if (version.kind === 'task' || version.kind === 'note') {
      // Graph gives no standard form of a task or note: the item as listed, with its subject (restores import it whole).
      const json = await input.store.read(input.tenantId, version.content);
      zip.addBuffer(json, unique(`${folder}/${safeSegment(version.name.slice(0, 100) || version.kind)}.json`), {
        mtime,
      });
    } else {
      const name = version.kind === 'message' ? emlFileName(version, position) : safeSegment(version.name);
      const stream = input.store.openStream(input.tenantId, version.content);
      zip.addReadStream(Readable.from(stream), unique(`${folder}/${name}`), { mtime, size: version.content.size });
    }
    items += 1;
  }
  zip.end();
  await written;
  return { items };
}
