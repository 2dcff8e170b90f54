/**
 * Where an item of a class with a default folder (contacts, tasks, notes) goes inside the target mailbox's default
 * folder of that class: the segments the restore's target put before the original path (a restore folder), then the
 * original path without its first segment, which is the default folder itself (`Contatti/Fornitori` restored into a
 * new folder: `Ripristino …/Fornitori` inside the default Contacts folder).
 */
export function pathBelowDefaultFolder(folderPath: readonly string[], originalPath: readonly string[]): string[] {
  const prefix = folderPath.slice(0, Math.max(0, folderPath.length - originalPath.length));
  return [...prefix, ...originalPath.slice(1)];
}
