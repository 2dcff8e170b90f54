import { z } from 'zod';
import { catalogResourceId, isoDateTime, languageSchema } from '../http/schemas.js';
import type { RestoreSelection } from '../restore-model/model.js';

/** A catalog version id (a MongoDB ObjectId in hex), as the browse and search lists give it. */
export const versionId = z.string().regex(/^[0-9a-f]{24}$/);
/** Graph folder ids are base64 with `+`, `/` and `=`; bounded, no spaces or control characters. */
export const containerId = z.string().regex(/^[\x21-\x7e]{1,512}$/);
/** Entra object ids of users. */
export const userObjectId = z.string().regex(/^[0-9a-fA-F-]{36}$/);
const searchWord = z.string().trim().min(1).max(100);

/** The point in time: an instant, or the end of a finished run of a backup job (resolved by the route). */
const pointInTime = {
  at: isoDateTime.optional().describe('Restore as the backup saw things at this instant (default: the latest backup)'),
  asOfRun: z.uuid().optional().describe('Restore as the backup saw things when this run finished'),
};

export const selectionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('versions'), versionIds: z.array(versionId).min(1).max(10_000) }),
  z.strictObject({
    type: z.literal('folder'),
    resourceId: catalogResourceId,
    containerId,
    includeSubfolders: z.boolean().optional(),
    ...pointInTime,
  }),
  z.strictObject({ type: z.literal('resource'), resourceId: catalogResourceId, ...pointInTime }),
  z.strictObject({
    type: z.literal('search'),
    words: z.array(searchWord).min(1).max(10),
    resourceIds: z.array(catalogResourceId).min(1).max(1_000).optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    ...pointInTime,
  }),
]);
export type SelectionInput = z.output<typeof selectionSchema>;

export const targetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('original') }),
  z.strictObject({ type: z.literal('newFolder') }),
  z.strictObject({ type: z.literal('otherUser'), userId: userObjectId }),
]);

export const conflictPolicySchema = z.enum(['skip', 'keepBoth', 'overwrite']);

export const restoreBodySchema = z.strictObject({
  selection: selectionSchema,
  target: targetSchema,
  conflictPolicy: conflictPolicySchema,
  language: languageSchema.optional().describe('Names the new folder (Ripristino / Restored); default: the caller’s'),
});

/** Self-service restores go back to the user's own data only. */
export const selfServiceRestoreBodySchema = restoreBodySchema.extend({
  target: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('original') }),
    z.strictObject({ type: z.literal('newFolder') }),
  ]),
});

/** The engine's selection, with the point in time already resolved to an instant. */
export function toSelection(input: SelectionInput, at: Date | undefined): RestoreSelection {
  const when = at && { at };
  switch (input.type) {
    case 'versions':
      return { type: 'versions', versionIds: input.versionIds };
    case 'folder':
      return {
        type: 'folder',
        resourceId: input.resourceId,
        containerId: input.containerId,
        ...(input.includeSubfolders !== undefined && { includeSubfolders: input.includeSubfolders }),
        ...when,
      };
    case 'resource':
      return { type: 'resource', resourceId: input.resourceId, ...when };
    case 'search':
      return {
        type: 'search',
        words: input.words,
        ...(input.resourceIds && { resourceIds: input.resourceIds }),
        ...(input.from && { from: new Date(input.from) }),
        ...(input.to && { to: new Date(input.to) }),
        ...(input.limit && { limit: input.limit }),
        ...when,
      };
  }
}
