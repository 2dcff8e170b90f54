/**
 * Folder paths as the catalog stores them (`containerPath` of an item version, `path` of a folder, `targetPath` of a
 * restored item): one string, the folder names from the top down joined by `/`. Mail and contact folder names may
 * themselves hold `/` ("Amministrazione / Fatture") or `\`, so each name is escaped first: `\` becomes `\\` and `/`
 * becomes `\/`. Drive, library and channel names cannot hold either character, so their paths read the same escaped
 * or not. This module is the only place that builds or splits a stored path.
 */

/** The stored path of folder names from the top down. */
export function joinFolderPath(names: readonly string[]): string {
  return names.map(escapeName).join('/');
}

/** The stored path of a folder named `name` inside the folder at `parentPath` (`''`: at the top). */
export function childFolderPath(parentPath: string, name: string): string {
  return parentPath === '' ? escapeName(name) : `${parentPath}/${escapeName(name)}`;
}

/**
 * The folder names of a stored path, from the top down; empty segments (a leading `/`) are dropped. A `\` before
 * anything but `\` or `/` is kept as it is, so a path stored before names were escaped reads as it was written.
 */
export function splitFolderPath(path: string): string[] {
  const names: string[] = [];
  let name = '';
  for (let index = 0; index < path.length; index++) {
    const char = path[index]!;
    const next = path[index + 1];
    if (char === '\\' && (next === '\\' || next === '/')) {
      name += next;
      index++;
    } else if (char === '/') {
      if (name !== '') names.push(name);
      name = '';
    } else {
      name += char;
    }
  }
  if (name !== '') names.push(name);
  return names;
}

/** A stored path as people read it: the names joined by `/`, unescaped. */
export function displayFolderPath(path: string): string {
  return splitFolderPath(path).join('/');
}

function escapeName(name: string): string {
  return name.replace(/[\\/]/g, (char) => `\\${char}`);
}
