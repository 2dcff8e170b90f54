import { randomBytes } from 'node:crypto';

/**
 * How long an import session's URL stays usable when nothing says otherwise. The docs give no lifetime, only that
 * "After this time, the importUrl expires and is deleted" (https://learn.microsoft.com/graph/import-exchange-mailbox-item);
 * an hour, like the access token that asked for it.
 */
export const DEFAULT_IMPORT_SESSION_SECONDS = 3600;

export interface ImportSession {
  mailboxId: string;
  userId: string;
  appId: string;
  expiresAt: number;
}

/**
 * Import sessions of the mailbox import/export API (https://learn.microsoft.com/graph/api/mailbox-createimportsession):
 * each is bound to one mailbox and reached through a pre-authenticated URL, "https://outlook.office365.com/api/gv1.0/
 * Mailboxes('MBX:…')/importItem?authtoken=…" at Microsoft, the same path on the simulator's own origin here.
 */
export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();
  lifetimeSeconds: number;

  constructor(
    private readonly baseUrl: () => string,
    lifetimeSeconds = DEFAULT_IMPORT_SESSION_SECONDS,
  ) {
    this.lifetimeSeconds = lifetimeSeconds;
  }

  create(mailboxId: string, userId: string, appId: string): { importUrl: string; expirationDateTime: string } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = Date.now() + this.lifetimeSeconds * 1000;
    this.sessions.set(token, { mailboxId, userId, appId, expiresAt });
    for (const [candidate, session] of this.sessions)
      if (session.expiresAt < Date.now()) this.sessions.delete(candidate);
    return {
      importUrl: `${this.baseUrl()}/api/gv1.0/Mailboxes('${mailboxId}')/importItem?authtoken=${token}`,
      expirationDateTime: new Date(expiresAt).toISOString(),
    };
  }

  /** Whether this registry issued the token (live or expired), without touching it. */
  issued(token: string): boolean {
    return this.sessions.has(token);
  }

  /** The live session behind a token; an expired one is deleted and reported as such. */
  find(token: string): ImportSession | 'expired' | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= Date.now()) {
      this.sessions.delete(token);
      return 'expired';
    }
    return session;
  }

  /** Every session issued so far expires now (tests of a client's renewal). */
  expireAll(): void {
    for (const session of this.sessions.values()) session.expiresAt = Math.min(session.expiresAt, Date.now());
  }
}
