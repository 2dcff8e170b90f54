import type { Db } from 'mongodb';
import { protectedResourceIds } from '../backup/job-coverage.js';
import type { ResourceKind, ResourceListFilter } from '../catalog/index.js';

/** The filters of the Items list's query, each applied by the database over every account, never over a loaded page. */
export interface AccountQuery {
  readonly kind?: ResourceKind | undefined;
  /** Part of the name or e-mail, case ignored, taken as plain text. */
  readonly q?: string | undefined;
  /** Included by an existing job, or by none. */
  readonly protection?: 'protected' | 'unprotected' | undefined;
  /**
   * A person's accounts (mailbox, OneDrive), or those of no person (sites, teams); or, an address, that person's
   * own accounts and the teams they are a member of.
   */
  readonly owner?: string | undefined;
}

/** The catalog's list filter for the Items list's query; protection reads which accounts the tenant's jobs include. */
export async function accountFilter(db: Db, tenantId: string, query: AccountQuery): Promise<ResourceListFilter> {
  const protectedIds = query.protection ? await protectedResourceIds(db, tenantId) : [];
  return {
    kind: query.kind,
    contains: query.q,
    ...ownerFilter(query.owner),
    resourceIds:
      query.protection === undefined
        ? undefined
        : query.protection === 'protected'
          ? { only: protectedIds }
          : { except: protectedIds },
  };
}

/** `owner`: either of the two kinds of account, or one person's accounts by their address (case ignored). */
function ownerFilter(owner: string | undefined): Pick<ResourceListFilter, 'owner' | 'person'> {
  if (owner === undefined) return {};
  if (owner === 'person' || owner === 'none') return { owner };
  return { person: owner.toLowerCase() };
}
