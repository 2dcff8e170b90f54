import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import { allCoverage } from '../backup/job-coverage.js';
import { hasTeam, listGroups, listUsers, type DirectoryReads } from '../graph/directory/index.js';

export type AccountKind = 'user' | 'team';

export interface DirectoryAccount {
  kind: AccountKind;
  id: string;
  displayName: string;
  email: string | null;
}

export interface CoverageOfKind {
  kind: AccountKind;
  protected: number;
  unprotected: number;
}

export interface TenantCoverage {
  kinds: CoverageOfKind[];
  /** The accounts no job covers, by kind then name. */
  unprotected: DirectoryAccount[];
}

/** The people and the teams of the customer's directory, read from Microsoft 365 now. */
export async function directoryAccounts(graph: DirectoryReads): Promise<DirectoryAccount[]> {
  const accounts: DirectoryAccount[] = [];
  for await (const page of listUsers(graph)) {
    for (const user of page) {
      const email = user.mail ?? user.userPrincipalName ?? null;
      accounts.push({ kind: 'user', id: user.id, displayName: user.displayName ?? email ?? user.id, email });
    }
  }
  for await (const page of listGroups(graph)) {
    for (const group of page) {
      if (!hasTeam(group)) continue;
      accounts.push({
        kind: 'team',
        id: group.id,
        displayName: group.displayName ?? group.id,
        email: group.mail ?? null,
      });
    }
  }
  return accounts;
}

/**
 * Which accounts of the directory some existing job covers, as the jobs' latest runs found them: a person through any
 * resource they own (mailbox, OneDrive), a team through its own resource.
 */
export async function tenantCoverage(db: Db, tenantId: string, graph: DirectoryReads): Promise<TenantCoverage> {
  const [accounts, rows, jobs] = await Promise.all([
    directoryAccounts(graph),
    allCoverage(db, tenantId),
    new BackupJobs(db).list(tenantId),
  ]);
  const jobIds = new Set(jobs.map((job) => job.jobId));
  const coveredPeople = new Set<string>();
  const coveredResources = new Set<string>();
  for (const row of rows) {
    if (!jobIds.has(row.jobId)) continue;
    coveredResources.add(row.resourceId);
    if (row.ownerUserId !== undefined) coveredPeople.add(row.ownerUserId);
  }
  const isCovered = (account: DirectoryAccount) =>
    account.kind === 'user' ? coveredPeople.has(account.id) : coveredResources.has(`team:${account.id}`);
  const kinds: CoverageOfKind[] = (['user', 'team'] as const).map((kind) => {
    const ofKind = accounts.filter((account) => account.kind === kind);
    const covered = ofKind.filter(isCovered).length;
    return { kind, protected: covered, unprotected: ofKind.length - covered };
  });
  const unprotected = accounts
    .filter((account) => !isCovered(account))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.displayName.localeCompare(b.displayName, 'it'));
  return { kinds, unprotected };
}
