import { randomBytes } from 'node:crypto';

/** How the authorization response reaches the app (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code). */
export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** An authorization request the authorize endpoint accepted, kept while the person signs in and consents. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  prompt: string | undefined;
  /** The language the pages answer in (`ui_locales`, else the browser's `Accept-Language`). */
  language: 'it' | 'en';
}

/** An authorization code: for one app, one redirect URI and one person, redeemable once. */
export interface IssuedCode {
  request: AuthorizationRequest;
  userId: string;
  expiresAt: number;
  redeemed: boolean;
}

/** A refresh token: for one app and one person, with the scopes they consented to, until it expires. */
export interface IssuedRefreshToken {
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
}

/**
 * Refresh tokens issued to a single-page application live 24 hours and are not extended by use
 * (https://learn.microsoft.com/entra/identity-platform/refresh-tokens#token-lifetime).
 */
const SPA_REFRESH_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/** Authorization codes are short lived, about ten minutes (the auth code flow page, "Successful response"). */
const CODE_LIFETIME_MS = 10 * 60_000;
/** How long a sign-in page stays usable before the person must start again. */
const FLOW_LIFETIME_MS = 30 * 60_000;

function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The interactive side of the authorize endpoint: the SPA redirect URIs registered on the app, sign-ins in progress
 * (a request waiting for its person, then for their consent), the people who consented for themselves, and the
 * authorization codes issued.
 */
export class SignInFlows {
  readonly spaRedirectUris = new Set<string>();
  readonly userConsents = new Set<string>();
  private readonly pending = new Map<string, { request: AuthorizationRequest; userId?: string; expiresAt: number }>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly refreshTokens = new Map<string, IssuedRefreshToken>();

  start(request: AuthorizationRequest): string {
    const id = randomId();
    this.pending.set(id, { request, expiresAt: Date.now() + FLOW_LIFETIME_MS });
    return id;
  }

  find(id: string): { request: AuthorizationRequest; userId?: string } | undefined {
    const flow = this.pending.get(id);
    if (!flow || flow.expiresAt < Date.now()) return undefined;
    return flow;
  }

  signedIn(id: string, userId: string): void {
    const flow = this.pending.get(id);
    if (flow) flow.userId = userId;
  }

  /** Ends the sign-in and issues its code. */
  issueCode(id: string, request: AuthorizationRequest, userId: string): string {
    this.pending.delete(id);
    const code = randomId();
    this.codes.set(code, { request, userId, expiresAt: Date.now() + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  end(id: string): void {
    this.pending.delete(id);
  }

  code(code: string): IssuedCode | undefined {
    return this.codes.get(code);
  }

  /** A new refresh token; one redeemed for it ends with `expiresAt`, so the 24 hours run from the sign-in. */
  issueRefreshToken(grant: Omit<IssuedRefreshToken, 'expiresAt'>, expiresAt?: number): string {
    const token = randomId();
    this.refreshTokens.set(token, { ...grant, expiresAt: expiresAt ?? Date.now() + SPA_REFRESH_TOKEN_LIFETIME_MS });
    return token;
  }

  refreshToken(token: string): IssuedRefreshToken | undefined {
    return this.refreshTokens.get(token);
  }
}
