/**
 * The nodes of an `explain` answer that read a whole table (PostgreSQL's plan under FerretDB: `Seq Scan`) or
 * collection (MongoDB: `COLLSCAN`), wherever they sit in the plan.
 */
export function wholeReads(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(wholeReads);
  if (!plan || typeof plan !== 'object') return [];
  const node = plan as Record<string, unknown>;
  const own =
    node['Node Type'] === 'Seq Scan' || node.stage === 'COLLSCAN' ? [String(node['Node Type'] ?? node.stage)] : [];
  return [...own, ...Object.values(node).flatMap(wholeReads)];
}
