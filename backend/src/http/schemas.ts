import { z } from 'zod';
import type { Principal } from '../access/principal.js';
import { ApiError } from './api-error.js';

/** Bounded text fields shared by the API's schemas. */
/** Not only blanks: `\S` tells the OpenAPI document what trimming to at least one character means. */
export const personName = z.string().regex(/\S/).trim().min(1).max(200);

/**
 * A partial update: at least one field. Said twice, because zod's JSON Schema leaves refinements out: the refinement
 * refuses `{}`, `minProperties` tells the OpenAPI document (and its clients) so.
 */
export function someFields<T extends z.ZodObject>(schema: T): T {
  return schema
    .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
    .meta({ minProperties: 1 });
}
export const emailAddress = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
export const resourceId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const idParams = z.strictObject({ id: resourceId });
/** A catalog resource: `<kind>:<Graph id>` (Graph drive ids carry `!`). */
export const catalogResourceId = z.string().regex(/^(mailbox|onedrive|sharepoint|team):[A-Za-z0-9!_.=-]{1,200}$/);
export const isoDateTime = z.iso.datetime();
/** A filter value: a bounded plain string (never an object such as `{ "$ne": null }`). */
export const filterText = z.string().min(1).max(200);
export const languageSchema = z.enum(['it', 'en']);

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | undefined): string | null => (date ? date.toISOString() : null);

/** The caller's tenant; only tenant principals reach routes whose permission is tenant-only. */
export function tenantOf(principal: Principal): string {
  if (principal.kind !== 'tenant') throw new ApiError(403, 'forbidden');
  return principal.tenantId;
}
