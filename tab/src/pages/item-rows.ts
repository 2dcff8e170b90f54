import type { ProtectedItem } from '../api/model.js';
import type { Page } from '../api/use-paged-list.js';

/** An account as a line of the Items and licence tables: under the person whose heading it stands, or none. */
export type ItemRow = ProtectedItem & { readonly listedUnder: string | null };

/** An account where the API placed it: under its owner, a site or a team under no person. */
function asItemRow(item: ProtectedItem): ItemRow {
  return { ...item, listedUnder: item.ownerEmail };
}

/** A page of the Items list as table lines, each account where the API placed it. */
export function itemRowsPage(page: Page<ProtectedItem>): Page<ItemRow> {
  return { items: page.items.map(asItemRow), nextCursor: page.nextCursor };
}

/** A line's key: a team stands once under no person and once under each member, each line its own. */
export function itemRowKey(row: ItemRow): string {
  return `${row.id} ${row.listedUnder ?? ''}`;
}

/**
 * The rows grouped by person (sorted by e-mail), each person's own accounts followed by the teams they are a member
 * of, among the teams loaded so far: sorted ascending, accounts of no person come first, so every team is loaded
 * before the first person is. The team's own row stays under no person's heading, and every line of it offers the
 * same actions, on the one team.
 */
export function withTeamsUnderMembers(rows: readonly ItemRow[]): ItemRow[] {
  const teamsOf = new Map<string, ItemRow[]>();
  for (const row of rows) {
    if (row.kind !== 'team' || row.listedUnder !== null) continue;
    for (const email of row.memberEmails) teamsOf.set(email, [...(teamsOf.get(email) ?? []), row]);
  }
  if (teamsOf.size === 0) return [...rows];
  return rows.flatMap((row, index) => {
    const person = row.listedUnder;
    const lastOfPerson = person !== null && rows[index + 1]?.listedUnder !== person;
    if (!lastOfPerson) return [row];
    const teams = teamsOf.get(person.toLowerCase()) ?? [];
    return [row, ...teams.map((team) => ({ ...team, listedUnder: person }))];
  });
}
