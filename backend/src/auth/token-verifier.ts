import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export interface IdentityConfig {
  /** The Entra authority host, e.g. `https://login.microsoftonline.com`, or the tenant simulator's URL. */
  readonly authorityHost: string;
  /** Our Entra application (client) id: the audience of every token the API accepts. */
  readonly clientId: string;
  /** The domain of the application ID URI `api://<domain>/<client id>` that Teams SSO tokens carry as audience. */
  readonly apiDomain?: string;
  /** Where the signing keys are published; defaults to the authority's common v2.0 JWKS. */
  readonly jwksUri?: string;
  /**
   * The host in the per-tenant issuer `<issuerHost>/<tid>/v2.0`; defaults to the authority host.
   * The tenant simulator serves keys on its own address but issues Entra's real issuer.
   */
  readonly issuerHost?: string;
}

/** The claims the API relies on, taken from a verified token. */
export interface VerifiedIdentity {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
}

export type TokenFailure = 'token_expired' | 'token_invalid';

export class TokenRejected extends Error {
  constructor(
    readonly reason: TokenFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'TokenRejected';
  }
}

const requiredScope = 'access_as_user';

/**
 * Verifies Teams and Outlook SSO access tokens: the signature against the authority's JWKS, the
 * audience (client id or application ID URI), the per-tenant v2.0 issuer, the `access_as_user`
 * scope and the expiry.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly audiences: string[];
  private readonly issuerHost: string;

  constructor(config: IdentityConfig, keys?: JWTVerifyGetKey) {
    const authorityHost = config.authorityHost.replace(/\/+$/, '');
    this.issuerHost = (config.issuerHost ?? authorityHost).replace(/\/+$/, '');
    this.keys = keys ?? createRemoteJWKSet(new URL(config.jwksUri ?? `${authorityHost}/common/discovery/v2.0/keys`));
    this.audiences = [config.clientId, ...(config.apiDomain ? [`api://${config.apiDomain}/${config.clientId}`] : [])];
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { audience: this.audiences, algorithms: ['RS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenRejected('token_expired', error.message);
      throw new TokenRejected('token_invalid', error instanceof Error ? error.message : String(error));
    }
    const tenantId = stringClaim(payload, 'tid');
    const expectedIssuer = `${this.issuerHost}/${tenantId}/v2.0`;
    if (payload.iss !== expectedIssuer) {
      throw new TokenRejected('token_invalid', `issuer ${String(payload.iss)} is not ${expectedIssuer}`);
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(requiredScope)) throw new TokenRejected('token_invalid', `scope ${requiredScope} missing`);
    const email = optionalClaim(payload, 'preferred_username') ?? optionalClaim(payload, 'upn') ?? '';
    return {
      tenantId,
      userId: stringClaim(payload, 'oid'),
      name: optionalClaim(payload, 'name') ?? email,
      email: email.toLowerCase(),
    };
  }
}

function optionalClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function stringClaim(payload: JWTPayload, name: string): string {
  const value = optionalClaim(payload, name);
  if (value === undefined) throw new TokenRejected('token_invalid', `claim ${name} missing`);
  return value;
}
