import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A fixed date for every entry, so the same inputs give the same bytes (reproducible packages). */
const entryDate = new Date(Date.UTC(2026, 0, 1));

/** Writes the entries, deflated, at the top level of a new ZIP file. */
export async function writeZip(path: string, entries: readonly ZipEntry[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(path));
  for (const { name, data } of entries) zip.addBuffer(data, name, { mtime: entryDate, compress: true });
  zip.end();
  await written;
}
