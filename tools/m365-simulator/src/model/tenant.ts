import { ChangeClock } from './clock.js';
import type { DriveRecord, GroupRecord, Mailbox, OutboxEntry, SiteRecord, TeamRecord, UserRecord } from './records.js';

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  displayName: string;
}

/**
 * How many unchanged mailboxes (and, separately, drives) stay built. Unchanged ones are derived again on demand with
 * the same ids and sequence numbers, so evicting them loses nothing and keeps memory flat at any tenant size.
 */
const RESIDENT_UNCHANGED = 64;

/** Least-recently-used cache of built mailboxes or drives in which changed (pinned) entries are never evicted. */
function residentOrBuilt<T extends { residency: { pinned: boolean } }>(
  cache: Map<string, T>,
  key: string,
  build: () => T,
): T {
  let value = cache.get(key);
  if (value) cache.delete(key);
  else value = build();
  cache.set(key, value);
  let unchanged = 0;
  for (const entry of cache.values()) if (!entry.residency.pinned) unchanged++;
  for (const [candidateKey, entry] of cache) {
    if (unchanged <= RESIDENT_UNCHANGED) break;
    if (entry.residency.pinned || candidateKey === key) continue;
    cache.delete(candidateKey);
    unchanged--;
  }
  return value;
}

/** Builds a user's mailbox or drive the first time it is used, so a tenant of 1,000 users starts without them. */
export interface LazyContent {
  mailbox(user: UserRecord, clock: ChangeClock): Mailbox;
  drive(user: UserRecord, clock: ChangeClock, driveId: string): DriveRecord;
  driveIdFor(user: UserRecord): string;
}

/** The simulated tenant: directory, mailboxes, drives, sites and teams, with one change clock for every delta. */
export class Tenant {
  readonly clock = new ChangeClock();
  readonly outbox: OutboxEntry[] = [];
  private readonly usersByKey = new Map<string, UserRecord>();
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly userDrives = new Map<string, DriveRecord>();
  private readonly driveOwners = new Map<string, UserRecord>();
  readonly drives = new Map<string, DriveRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly sites = new Map<string, SiteRecord>();
  readonly teams = new Map<string, TeamRecord>();

  constructor(
    readonly id: string,
    readonly displayName: string,
    readonly domain: string,
    readonly licences: number,
    readonly app: AppRegistration,
    readonly users: UserRecord[],
    private readonly lazy: LazyContent,
  ) {
    for (const user of users) {
      this.usersByKey.set(user.id, user);
      this.usersByKey.set(user.userPrincipalName.toLowerCase(), user);
      this.driveOwners.set(lazy.driveIdFor(user), user);
    }
  }

  /** By object id or user principal name, as `/users/{id | userPrincipalName}` accepts both. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.usersByKey.get(idOrUpn) ?? this.usersByKey.get(idOrUpn.toLowerCase());
  }

  /** Users whose mailbox is built and in memory right now (nothing is built to answer). */
  residentUsers(): UserRecord[] {
    return [...this.mailboxes.keys()].map((id) => this.usersByKey.get(id)).filter((user) => user !== undefined);
  }

  mailbox(user: UserRecord): Mailbox {
    return residentOrBuilt(this.mailboxes, user.id, () => this.lazy.mailbox(user, this.clock));
  }

  userDrive(user: UserRecord): DriveRecord {
    return residentOrBuilt(this.userDrives, user.id, () =>
      this.lazy.drive(user, this.clock, this.lazy.driveIdFor(user)),
    );
  }

  findDrive(driveId: string): DriveRecord | undefined {
    const site = this.drives.get(driveId);
    if (site) return site;
    const owner = this.driveOwners.get(driveId);
    return owner ? this.userDrive(owner) : undefined;
  }

  findGroup(id: string): GroupRecord | undefined {
    return this.groups.get(id);
  }

  /** Members of a group, nested groups expanded (https://learn.microsoft.com/graph/api/group-list-transitivemembers). */
  transitiveMembers(group: GroupRecord, seen = new Set<string>()): Array<UserRecord | GroupRecord> {
    const members: Array<UserRecord | GroupRecord> = [];
    for (const memberId of group.memberIds) {
      if (seen.has(memberId)) continue;
      seen.add(memberId);
      const user = this.findUser(memberId);
      const nested = this.groups.get(memberId);
      if (user) members.push(user);
      if (nested) members.push(nested, ...this.transitiveMembers(nested, seen));
    }
    return members;
  }
}
