import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { displayFolderPath, splitFolderPath, type ItemVersion, type ProtectedResource } from '../catalog/index.js';
import type { ContentStore } from '../store/index.js';
import { emlFileName } from '../workloads/exchange/export-eml.js';
import { eventToIcs, type IcsEvent } from '../workloads/exchange/export-ics.js';
import { contactToVcard, type VcardContact } from '../workloads/exchange/export-vcf.js';
import { channelThreadHtml } from '../workloads/teams/export-channel-message.js';
import { reasonOf } from '../restore-model/outcome.js';
import { safeFileName, safeName, UniquePaths } from '../restore-model/safe-name.js';

export interface ZipExportInput {
  tenantId: string;
  store: ContentStore;
  versions: readonly ItemVersion[];
  resources: ReadonlyMap<string, ProtectedResource>;
  /** Items already known to fail (a background export's earlier attempt): listed as failed, never read again. */
  skip?: ReadonlyMap<string, ExportItemFailure>;
}

/** One item the ZIP could not hold, and why, in the requester's two languages. */
export interface ExportItemFailure {
  versionId: string;
  name: string;
  reason: { en: string; it: string };
}

/**
 * An item's content broke after its entry had begun: a ZIP cannot take back half an entry, so this archive is
 * lost. A background export writes it again without that item; a download now can only end early.
 */
export class ExportItemBroken extends Error {
  constructor(readonly failure: ExportItemFailure) {
    super(`the content of "${failure.name}" could not be read: ${failure.reason.en}`);
    this.name = 'ExportItemBroken';
  }
}

/** The entry that lists what is missing, so the person who unzips the export sees it without asking anyone. */
export const failuresEntryName = 'Elementi non esportati - Items not exported.txt';

/**
 * Streams a selection as a ZIP into `output`: mail as EML (the stored MIME), contacts as VCF, events as ICS, tasks and
 * notes as the JSON of the item and its subject, files as themselves, Teams threads as HTML and JSON, under
 * `<resource>/<folder path>/`. Each item is read from the store as the ZIP is written, so the whole export is never in
 * memory. An item that cannot be read is left out and listed in `failuresEntryName`; every name goes through
 * `safeName`, so no subject can refuse an entry or climb out of its folder.
 */
export async function writeSelectionZip(
  input: ZipExportInput,
  output: Writable,
): Promise<{ items: number; failures: ExportItemFailure[] }> {
  const zip = new yazl.ZipFile();
  // Awaited on every path below, even when an item throws: a pipeline left unawaited rejects with nobody
  // listening (ERR_STREAM_PREMATURE_CLOSE when the response is cut), which ends the Node process.
  // yazl's typings say NodeJS.ReadableStream; it is a PassThrough, which can be destroyed.
  const zipOutput = zip.outputStream as Readable;
  const written = pipeline(zipOutput, output);
  let outputError: Error | null = null;
  const outputSettled = written.then(
    () => null,
    (error: unknown) => (outputError ??= error instanceof Error ? error : new Error(String(error))),
  );
  // yazl reports a broken entry (a size that does not match, a stream error) only as 'error' on the ZipFile; an
  // EventEmitter's 'error' with no listener is thrown, and here nothing would catch it.
  zip.on('error', (error: Error) => zipOutput.destroy(error));

  const paths = new UniquePaths();
  const failures: ExportItemFailure[] = [];
  let items = 0;
  try {
    for (const [position, version] of input.versions.entries()) {
      if (outputError) throw outputError;
      if (!version.content) continue;
      const known = input.skip?.get(versionIdOf(version));
      if (known) {
        failures.push(known);
        continue;
      }
      const added = await addItem(input, zip, paths, version, position, () => outputError, outputSettled).catch(
        (error: unknown) => {
          if (error instanceof ExportItemBroken || error === outputError) throw error;
          failures.push({ versionId: versionIdOf(version), name: version.name, reason: reasonOf(error) });
          return false;
        },
      );
      if (added) items += 1;
    }
    if (failures.length > 0) {
      zip.addBuffer(Buffer.from(failuresText(failures), 'utf8'), paths.claim(failuresEntryName));
    }
    zip.end();
    await written;
  } catch (error) {
    zipOutput.destroy(error instanceof Error ? error : new Error(String(error)));
    await outputSettled;
    throw error;
  }
  return { items, failures };
}

async function addItem(
  input: ZipExportInput,
  zip: yazl.ZipFile,
  paths: UniquePaths,
  version: ItemVersion,
  position: number,
  outputError: () => Error | null,
  outputSettled: Promise<unknown>,
): Promise<boolean> {
  const content = version.content!;
  const resource = input.resources.get(version.resourceId);
  const folder = [resource?.displayName ?? version.resourceId, ...splitFolderPath(version.containerPath)]
    .map((segment) => safeName(segment, 'folder'))
    .join('/');
  const mtime = version.itemDate ?? version.validFrom;
  if (version.kind === 'channelMessage') {
    const json = await input.store.read(input.tenantId, content);
    const html = Buffer.from(channelThreadHtml(json, displayFolderPath(version.containerPath)), 'utf8');
    const base = `${safeName(version.name.slice(0, 60), 'message')} (${position})`;
    zip.addBuffer(json, paths.claim(`${folder}/${safeFileName(base, 'json', 'message')}`), { mtime });
    zip.addBuffer(html, paths.claim(`${folder}/${safeFileName(base, 'html', 'message')}`), { mtime });
    return true;
  }
  if (version.kind === 'contact' || version.kind === 'event') {
    const json: unknown = JSON.parse((await input.store.read(input.tenantId, content)).toString('utf8'));
    const card =
      version.kind === 'contact'
        ? contactToVcard(json as VcardContact)
        : eventToIcs(json as IcsEvent, version.validFrom);
    const name = safeFileName(version.name, version.kind === 'contact' ? 'vcf' : 'ics', version.kind);
    zip.addBuffer(Buffer.from(card, 'utf8'), paths.claim(`${folder}/${name}`), { mtime });
    return true;
  }
  if (version.kind === 'task' || version.kind === 'note') {
    // Graph gives no standard form of a task or note: the item as listed, with its subject (restores import it whole).
    const json = await input.store.read(input.tenantId, content);
    zip.addBuffer(json, paths.claim(`${folder}/${safeFileName(version.name, 'json', version.kind)}`), { mtime });
    return true;
  }
  const name = version.kind === 'message' ? emlFileName(version, position) : safeName(version.name, 'file');
  // The first bytes are read before the entry begins, so content missing from the store (the usual failure) leaves
  // the item out instead of breaking the archive.
  const source = input.store.openStream(input.tenantId, content);
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  const body = Readable.from(
    (async function* () {
      if (first.done) return;
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  // yazl pipes the stream without listening for its errors: this listener is what keeps a read failure from
  // being thrown out of the event loop, and it waits for the entry so one file is read at a time.
  const bodyEnded = finished(body).then(
    () => null,
    (error: unknown) => error,
  );
  zip.addReadStream(body, paths.claim(`${folder}/${name}`), { mtime, size: content.size });
  const broken = await Promise.race([bodyEnded, outputSettled.then(() => null)]);
  if (outputError()) {
    body.destroy();
    source.destroy();
    throw outputError();
  }
  if (broken) {
    throw new ExportItemBroken({ versionId: versionIdOf(version), name: version.name, reason: reasonOf(broken) });
  }
  return true;
}

const versionIdOf = (version: ItemVersion): string =>
  (version as ItemVersion & { _id?: { toHexString(): string } })._id?.toHexString() ??
  `${version.resourceId}/${version.graphId}`;

function failuresText(failures: readonly ExportItemFailure[]): string {
  const lines = [
    'Questi elementi non sono stati esportati; il resto dell’esportazione è completo.',
    'These items were not exported; the rest of the export is complete.',
    '',
    ...failures.map((failure) => `${failure.name}\n  it: ${failure.reason.it}\n  en: ${failure.reason.en}`),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
