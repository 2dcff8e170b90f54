import { createHash, randomUUID } from 'node:crypto';

/** A GUID derived from a name, so a tenant file without ids gets the same ids on every start. */
export function guidFrom(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * An Exchange-style opaque id (the `AAMkAD...` strings Graph returns for messages, folders, events): base64url of a
 * digest, so it is stable for the same inputs and safe in URL paths.
 */
export function exchangeIdFrom(prefix: string, ...parts: Array<string | number>): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('base64url');
  return `${prefix}${digest}`;
}

/** A OneDrive-style item id: 34 upper-case base32-ish characters, like `01BYE5RZ...`. */
export function driveItemIdFrom(...parts: Array<string | number>): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex').toUpperCase();
  return `01${digest.slice(0, 32)}`;
}

export function newRequestId(): string {
  return randomUUID();
}
