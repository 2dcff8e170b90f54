/**
 * A copy of a catalog record in which every string has its NUL characters replaced by U+FFFD. PostgreSQL's jsonb, under
 * the embedded database, cannot hold U+0000 ("unsupported Unicode escape sequence"), and names come from anyone who can
 * send mail or an invitation: one subject with a NUL failed its mailbox's backup on every run. The content itself is
 * stored byte for byte in the content store; only the catalog's reading of it changes. Dates, binary values and other
 * non-plain objects are kept as they are.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => withoutNul(entry)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withoutNul(entry)])) as T;
  }
  return value;
}
