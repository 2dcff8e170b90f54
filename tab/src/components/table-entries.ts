/** Rows that follow each other with the same key sit under one heading row (the rows come sorted by it). */
export interface RowGroups<T> {
  // Properties, not methods: TypeScript then refuses groups of another row type (methods' parameters are bivariant).
  readonly key: (row: T) => string;
  /** The heading of a group, from its rows (those loaded). */
  readonly label: (rows: readonly T[]) => string;
}

/** One line of a table's body: a group's heading or a row. */
export type TableEntry<T> =
  | { readonly type: 'heading'; readonly key: string; readonly label: string }
  | { readonly type: 'row'; readonly row: T };

/**
 * The table's body as one list of lines, headings before their rows: only the lines in view are rendered, so the
 * window is counted over this list.
 */
export function entriesOf<T>(rows: readonly T[], group: RowGroups<T> | undefined): TableEntry<T>[] {
  if (!group) return rows.map((row) => ({ type: 'row', row }));
  const entries: TableEntry<T>[] = [];
  let start = 0;
  while (start < rows.length) {
    const key = group.key(rows[start]!);
    let end = start + 1;
    while (end < rows.length && group.key(rows[end]!) === key) end += 1;
    const members = rows.slice(start, end);
    entries.push({ type: 'heading', key, label: group.label(members) });
    for (const row of members) entries.push({ type: 'row', row });
    start = end;
  }
  return entries;
}
