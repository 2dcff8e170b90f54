import type { SimulatorContext } from './context.js';
import type { Router } from './http/router.js';

/** One simulated tenant behind the shared authority and Graph endpoint: its state and its Graph routes. */
export interface TenantHost {
  readonly context: SimulatorContext;
  readonly router: Router;
}

/**
 * The tenants one simulator serves, as Entra and Graph serve every tenant at one address with one set of signing keys
 * (https://learn.microsoft.com/entra/identity-platform/v2-protocols#endpoints): an authority path names its tenant by
 * id or domain, a Graph call by its token's `tid` claim, and a pre-authenticated URL by the tenant that handed it out.
 * The first tenant answers the multi-tenant authorities (`common`, `organizations`) and whatever names no tenant, so a
 * simulator of one tenant behaves exactly as before.
 */
export class TenantHosts {
  readonly all: readonly TenantHost[];

  constructor(
    readonly primary: TenantHost,
    others: readonly TenantHost[] = [],
  ) {
    this.all = [primary, ...others];
  }

  /** The tenant an authority path segment names: its id or its domain. */
  forSegment(segment: string): TenantHost {
    const lower = segment.toLowerCase();
    return (
      this.all.find(({ context }) => context.tenant.id === lower || context.tenant.domain.toLowerCase() === lower) ??
      this.primary
    );
  }

  /**
   * The tenant a bearer token says it was issued in. The claim is read unverified only to choose the tenant; that
   * tenant's authentication then verifies the signature and its own issuer, so a token cannot cross tenants.
   */
  forBearer(authorization: string | undefined): TenantHost {
    const payload = /^Bearer\s+[^.]+\.([^.]+)\./i.exec(authorization ?? '')?.[1];
    if (!payload) return this.primary;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
      return typeof claims.tid === 'string' ? this.forSegment(claims.tid) : this.primary;
    } catch {
      return this.primary;
    }
  }

  forDownload(linkId: string): TenantHost {
    return this.all.find(({ context }) => context.downloads.resolve(linkId) !== undefined) ?? this.primary;
  }

  forUpload(sessionId: string): TenantHost {
    return this.all.find(({ context }) => context.uploads.resourceOf(sessionId) !== undefined) ?? this.primary;
  }

  forImport(authToken: string): TenantHost {
    return this.all.find(({ context }) => context.importSessions.issued(authToken)) ?? this.primary;
  }
}
