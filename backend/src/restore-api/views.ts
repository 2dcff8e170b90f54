import { z } from 'zod';
import { iso, isoOrNull } from '../http/schemas.js';
import { displayFolderPath, type CatalogFolder, type ItemVersion, type ProtectedResource } from '../catalog/index.js';
import type { RestoreItem, RestoreRequest, RestoreSelection } from '../restore-model/model.js';
import type { ExportRecord } from '../restore/export-model.js';
import { conflictPolicySchema, targetSchema } from './request-schemas.js';

const isoOrNullSchema = z.string().nullable();

export const resourceViewSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['mailbox', 'onedrive', 'sharepoint', 'team']),
  displayName: z.string(),
  ownerEmail: z.string().nullable(),
  lastBackupAt: isoOrNullSchema,
});

export function resourceView(resource: ProtectedResource): z.input<typeof resourceViewSchema> {
  return {
    id: resource.resourceId,
    kind: resource.kind,
    displayName: resource.displayName,
    ownerEmail: resource.ownerEmail ?? null,
    lastBackupAt: isoOrNull(resource.lastBackupAt),
  };
}

const displayPathNote =
  'The folder names from the top down joined by "/", for people to read; a mail or contact folder name may itself hold "/", so a folder is identified by its id';

export const folderViewSchema = z.strictObject({
  id: z.string(),
  parentId: z.string().nullable(),
  displayName: z.string(),
  path: z.string().describe(displayPathNote),
  wellKnownName: z
    .string()
    .nullable()
    .describe('Exchange’s name for a folder every mailbox has (`inbox`, `contacts`…); null for any other'),
  deleted: z.boolean(),
});

export function folderView(folder: CatalogFolder): z.input<typeof folderViewSchema> {
  return {
    id: folder.folderId,
    parentId: folder.parentId,
    displayName: folder.displayName,
    path: displayFolderPath(folder.path),
    wellKnownName: folder.wellKnownName ?? null,
    deleted: folder.deletedAt !== null,
  };
}

export const versionViewSchema = z.strictObject({
  id: z.string().describe('Pass it in a `versions` selection to restore or export exactly this version'),
  resourceId: z.string(),
  kind: z.enum(['message', 'contact', 'event', 'task', 'note', 'file', 'channelMessage']),
  name: z.string(),
  containerId: z.string(),
  containerPath: z.string().describe(displayPathNote),
  from: z.string().nullable(),
  to: z.array(z.string()),
  size: z.number().int(),
  itemDate: isoOrNullSchema,
  attachmentNames: z.array(z.string()),
  backedUpFrom: z.string(),
  replacedOrDeletedAt: isoOrNullSchema,
  deletedAt: isoOrNullSchema,
});

export function versionView(version: ItemVersion): z.input<typeof versionViewSchema> {
  return {
    id: (version as ItemVersion & { _id: { toHexString(): string } })._id.toHexString(),
    resourceId: version.resourceId,
    kind: version.kind,
    name: version.name,
    containerId: version.containerId,
    containerPath: displayFolderPath(version.containerPath),
    from: version.from ?? null,
    to: version.to ?? [],
    size: version.size,
    itemDate: isoOrNull(version.itemDate),
    attachmentNames: version.attachmentNames ?? [],
    backedUpFrom: iso(version.validFrom),
    replacedOrDeletedAt: version.validTo ? iso(version.validTo) : null,
    deletedAt: version.deletedAt ? iso(version.deletedAt) : null,
  };
}

const selectionViewSchema = z.strictObject({
  type: z.enum(['versions', 'folder', 'resource', 'search']),
  resourceIds: z.array(z.string()).describe('The accounts the selection names (empty for exact versions)'),
  items: z.number().int().nullable().describe('How many versions were named, for `versions` selections'),
  words: z.array(z.string()),
  at: isoOrNullSchema,
});

function selectionView(selection: RestoreSelection): z.input<typeof selectionViewSchema> {
  const at = selection.type === 'versions' ? null : isoOrNull(selection.at);
  return {
    type: selection.type,
    resourceIds:
      selection.type === 'versions'
        ? []
        : selection.type === 'search'
          ? (selection.resourceIds ?? [])
          : [selection.resourceId],
    items: selection.type === 'versions' ? selection.versionIds.length : null,
    words: selection.type === 'search' ? selection.words : [],
    at,
  };
}

const progressSchema = z.strictObject({
  total: z.number().int(),
  restored: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  verified: z.number().int(),
  mismatched: z.number().int(),
  exportOnly: z.number().int(),
});

export const restoreViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(['awaitingApproval', 'rejected', 'queued', 'running', 'completed', 'failed']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  startedAt: isoOrNullSchema,
  finishedAt: isoOrNullSchema,
  selection: selectionViewSchema,
  target: targetSchema,
  conflictPolicy: conflictPolicySchema,
  restoreFolderName: z.string(),
  progress: progressSchema,
  error: z.string().nullable(),
  approval: z
    .strictObject({
      decision: z.enum(['pending', 'approved', 'rejected']),
      decidedBy: z.string().nullable(),
      decidedAt: isoOrNullSchema,
      note: z.string().nullable(),
    })
    .nullable(),
});

export function restoreView(request: RestoreRequest): z.input<typeof restoreViewSchema> {
  return {
    id: request.restoreId,
    status: request.status,
    requestedBy: request.requestedBy,
    requestedAt: iso(request.requestedAt),
    startedAt: request.startedAt ? iso(request.startedAt) : null,
    finishedAt: request.finishedAt ? iso(request.finishedAt) : null,
    selection: selectionView(request.selection),
    target: request.target,
    conflictPolicy: request.conflictPolicy,
    restoreFolderName: request.restoreFolderName,
    progress: { ...request.progress },
    error: request.error,
    approval: request.approval
      ? {
          decision: request.approval.decision,
          decidedBy: request.approval.decidedBy,
          decidedAt: request.approval.decidedAt ? iso(request.approval.decidedAt) : null,
          note: request.approval.note,
        }
      : null,
  };
}

export const restoreItemViewSchema = z.strictObject({
  seq: z.number().int(),
  kind: z.string(),
  name: z.string(),
  containerPath: z.string(),
  state: z.enum(['pending', 'writing', 'restored', 'skipped', 'failed', 'exportOnly']),
  target: z.strictObject({ resourceId: z.string(), path: z.string(), name: z.string() }).nullable(),
  verified: z.boolean().nullable(),
  differences: z.array(z.string()),
  reason: z.strictObject({ en: z.string(), it: z.string() }).nullable(),
  finishedAt: isoOrNullSchema,
});

export function restoreItemView(item: RestoreItem): z.input<typeof restoreItemViewSchema> {
  return {
    seq: item.seq,
    kind: item.kind,
    name: item.name,
    containerPath: displayFolderPath(item.containerPath),
    state: item.state,
    target: item.targetResource
      ? {
          resourceId: item.targetResource,
          path: displayFolderPath(item.targetPath ?? ''),
          name: item.targetName ?? item.name,
        }
      : null,
    verified: item.verified ?? null,
    differences: item.differences ?? [],
    reason: item.reason ?? null,
    finishedAt: isoOrNull(item.finishedAt),
  };
}

export const exportViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(['queued', 'running', 'ready', 'failed']),
  items: z.number().int(),
  bytes: z.number().int(),
  requestedAt: z.string(),
  finishedAt: isoOrNullSchema,
  expiresAt: z.string(),
  downloadPath: z.string().nullable().describe('Below the API prefix; works without a token until `expiresAt`'),
  error: z.string().nullable(),
  failures: z
    .array(z.strictObject({ name: z.string(), reason: z.strictObject({ en: z.string(), it: z.string() }) }))
    .describe('Items left out of a ready export and why; the ZIP lists them too'),
});

export function exportView(record: ExportRecord): z.input<typeof exportViewSchema> {
  const ready = record.status === 'ready' && record.expiresAt.getTime() > Date.now();
  return {
    id: record.exportId,
    status: record.status,
    items: record.items,
    bytes: record.bytes,
    requestedAt: iso(record.requestedAt),
    finishedAt: record.finishedAt ? iso(record.finishedAt) : null,
    expiresAt: iso(record.expiresAt),
    downloadPath: ready ? `/downloads/${record.tenantId}/${record.token}` : null,
    error: record.error,
    failures: (record.failures ?? []).map(({ name, reason }) => ({ name, reason })),
  };
}
