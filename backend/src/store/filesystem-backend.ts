import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { PackBackend, StoredObject } from './pack-backend.js';

/** The default backend: a directory (by default `./data/store`), with atomic writes by temp file, fsync and rename. */
export function filesystemBackend(root = './data/store'): PackBackend {
  const base = resolve(root);
  const tmpDir = join(base, 'tmp');
  const full = (path: string): string => {
    const target = resolve(base, path);
    if (!target.startsWith(base + sep)) throw new Error(`store path ${path} leaves the store root`);
    return target;
  };

  async function writeTemp(parts: readonly Uint8Array[]): Promise<string> {
    await mkdir(tmpDir, { recursive: true });
    const temp = join(tmpDir, randomUUID());
    const handle = await open(temp, 'wx');
    try {
      for (const part of parts) await writeFully(handle, part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  return {
    location: base,

    async writePack(path, parts) {
      const target = full(path);
      await mkdir(dirname(target), { recursive: true });
      const temp = await writeTemp(parts);
      await rename(temp, target);
      await syncDirectory(dirname(target));
    },

    async readPackRange(path, offset, length) {
      const handle = await open(full(path), 'r');
      try {
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        if (bytesRead !== length) throw new Error(`pack ${path} ends before byte ${offset + length}`);
        return buffer;
      } finally {
        await handle.close();
      }
    },

    async packSize(path) {
      return (await statOrUndefined(full(path)))?.size;
    },

    async *listPacks(prefix) {
      const start = full(prefix);
      for await (const file of walk(start)) {
        yield { path: relative(base, file.path).split(sep).join('/'), size: file.size };
      }
    },

    async deletePack(path) {
      await unlink(full(path)).catch(ignoreMissing);
    },

    async readKeyFile(path) {
      const handle = await open(full(path), 'r').catch(ignoreMissing);
      if (!handle) return undefined;
      try {
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },

    async createKeyFile(path, data) {
      const target = full(path);
      await mkdir(dirname(target), { recursive: true });
      const temp = await writeTemp([data]);
      try {
        // link() refuses an existing target, so exactly one of several racing writers wins.
        await link(temp, target);
        await syncDirectory(dirname(target));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        await unlink(temp);
      }
    },
  };
}

async function* walk(directory: string): AsyncGenerator<StoredObject> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(ignoreMissing);
  for (const entry of entries ?? []) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) {
      const info = await statOrUndefined(path);
      if (info) yield { path, size: info.size };
    }
  }
}

async function statOrUndefined(path: string) {
  return stat(path).catch(ignoreMissing);
}

async function writeFully(handle: FileHandle, part: Uint8Array): Promise<void> {
  for (let written = 0; written < part.length;) {
    written += (await handle.write(part, written, part.length - written)).bytesWritten;
  }
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } finally {
    await handle?.close();
  }
}

function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}
