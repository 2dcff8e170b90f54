/** One stored object (pack or key file), by its path relative to the store root. */
export interface StoredObject {
  readonly path: string;
  readonly size: number;
}

/**
 * Where packs and key files live. Paths are relative to the store root, separated by `/` (FORMAT.md, "Layout").
 * Implementations: `filesystemBackend` and `azureBlobBackend`; both pass the same test suite.
 */
export interface PackBackend {
  /** Says where the store is, for messages (a directory or a container URL); never contains secrets. */
  readonly location: string;
  /**
   * Writes a whole pack, given as parts to be stored back to back, atomically: readers see all of it or nothing.
   * Writing an existing path replaces it.
   */
  writePack(path: string, parts: readonly Uint8Array[]): Promise<void>;
  /** Reads `length` bytes at `offset`; fails if the pack is missing or shorter. */
  readPackRange(path: string, offset: number, length: number): Promise<Buffer>;
  /** Size of a pack in bytes, or undefined when it does not exist. */
  packSize(path: string): Promise<number | undefined>;
  /** Every pack whose path starts with `prefix`, in no particular order. */
  listPacks(prefix: string): AsyncIterable<StoredObject>;
  /** Deletes a pack; deleting a missing pack is not an error. */
  deletePack(path: string): Promise<void>;
  /** Reads a small key file, or undefined when it does not exist. */
  readKeyFile(path: string): Promise<Buffer | undefined>;
  /** Creates a key file only if it does not exist yet; answers false (and writes nothing) when it does. */
  createKeyFile(path: string, data: Uint8Array): Promise<boolean>;
}
