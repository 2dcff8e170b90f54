import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import { openTestDatabase, type TestDatabase } from '../../../../test-support/database.js';
import { ensureIndexes } from '../../../src/db/index.js';
import type { RestoreApiServices } from '../../../src/restore-api/index.js';
import { mountApi, type ApiServices, type IdentityConfig, type PortalRole } from '../../../src/api/index.js';
import { addProviderOperator } from '../../../src/auth/provider-operators.js';
import { currentTermsVersion } from '../../../src/tenants/licence-terms.js';
import { portalUsers, type PortalUser } from '../../../src/portal-users/portal-user-store.js';
import { tenantRecords, type DataLocation, type TenantRecord } from '../../../src/tenants/tenant-store.js';
import type { AdminConsentProbe } from '../../../src/tenants/admin-consent.js';
import type { BackupApiServices } from '../../../src/jobs-api/index.js';
import type { SupportContact } from '../../../src/tenants/provider-profile.js';

export const clientId = '5a1c3e2b-0f4d-4c6a-9b8e-7d2f1a0c9e3b';
export const issuerHost = 'https://login.microsoftonline.com';
export const tenantA = '11111111-1111-4111-8111-111111111111';
export const tenantB = '22222222-2222-4222-8222-222222222222';
export const providerTenant = '99999999-9999-4999-8999-999999999999';
/** The provider's phone line in API tests: the guide's shape (toll-free number, Monday to Friday 8–18, a PIN). */
export const testSupport: SupportContact = {
  phone: '800 123 456',
  hours: { fromDay: 'mon', toDay: 'fri', opens: '08:00', closes: '18:00', timeZone: 'Europe/Rome' },
  pin: '4321',
};

export interface TestPerson {
  tenantId: string;
  oid: string;
  email: string;
  name: string;
}

export interface TokenOptions {
  audience?: string;
  scopes?: string;
  expiresInSeconds?: number;
  issuer?: string;
}

export interface ApiCall {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export interface Harness {
  readonly url: string;
  readonly database: TestDatabase;
  readonly services: ApiServices;
  token(person: TestPerson, options?: TokenOptions): Promise<string>;
  call(method: string, path: string, call?: ApiCall): Promise<ApiAnswer>;
  close(): Promise<void>;
}

/**
 * The API served by restify on a free port over a fresh devdb database, with the same parsers
 * as the product's server (queries; each route reads its own body). Tokens are signed with an RS256 key published as a JWKS, in the shape
 * Entra gives Teams SSO tokens (v2.0 issuer, `scp`, `tid`, `oid`, `preferred_username`).
 */
export interface HarnessOptions {
  consent?: AdminConsentProbe;
  prefix?: string;
  /** A real authority (the tenant simulator) instead of the harness's own signing key. */
  identity?: IdentityConfig;
  /** A database another harness owns (it disposes of it), for example the backup harness's. */
  database?: TestDatabase;
  /** The backup engine's services, for the jobs, job log, items and licence routes. */
  backup?: (db: TestDatabase['db']) => BackupApiServices;
  /** Restores, exports and self-service, for the restore routes. */
  restore?: (db: TestDatabase['db']) => RestoreApiServices;
  /** Where the API logs, for tests that check what an operator would read; silent when absent. */
  logger?: Logger;
  /** The data locations with a content store, as STORE_LOCATIONS gives them to the product; Italy North alone by default. */
  dataLocations?: readonly DataLocation[];
  /** Routes outside the API on the same server, as the product has (the bot, the tab). */
  besideApi?: (server: Server) => void;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = options.database ?? (await openTestDatabase(options.prefix ?? 'api'));
  await ensureIndexes(database.db);
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  const server: Server = restify.createServer({ name: 'custodia-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const { services } = await mountApi(server, {
    db: database.db,
    identity: options.identity ?? { authorityHost: issuerHost, clientId, apiDomain: 'localhost' },
    ...(!options.identity && { signingKeys: jwks }),
    provider: {
      tenantId: providerTenant,
      name: 'TIM',
      supportEmail: 'supporto@provider.example',
      support: testSupport,
    },
    activityKey: randomBytes(32),
    consent: options.consent ?? { grantedPermissions: async () => null },
    dataLocations: options.dataLocations ?? ['italy-north'],
    portalUrl: 'https://custodia.example/portal',
    ...(options.backup && { backup: options.backup(database.db) }),
    ...(options.restore && { restore: options.restore(database.db) }),
    ...(options.logger && { logger: options.logger }),
  });
  options.besideApi?.(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    services,
    token: (person, tokenOptions) => signToken(privateKey, kid, person, tokenOptions),
    call: (method, path, call) => callApi(url, method, path, call),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.database) await database.dispose();
    },
  };
}

async function signToken(key: CryptoKey, kid: string, person: TestPerson, options: TokenOptions = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    aud: options.audience ?? `api://localhost/${clientId}`,
    iss: options.issuer ?? `${issuerHost}/${person.tenantId}/v2.0`,
    tid: person.tenantId,
    oid: person.oid,
    sub: person.oid,
    azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    scp: options.scopes ?? 'access_as_user',
    preferred_username: person.email,
    name: person.name,
    ver: '2.0',
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(key);
}

async function callApi(url: string, method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | undefined = call.rawBody;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${url}/api/v1${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // CSV and other non-JSON answers stay text.
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** The tenant simulator as the API's authority: its JWKS signs the tokens, with Entra's real issuer. */
export function simulatorIdentity(sim: {
  authorityHost: string;
  tenantId: string;
  app: { clientId: string };
}): IdentityConfig {
  return {
    authorityHost: sim.authorityHost,
    clientId: sim.app.clientId,
    apiDomain: 'localhost',
    jwksUri: `${sim.authorityHost}/${sim.tenantId}/discovery/v2.0/keys`,
    issuerHost: 'https://login.microsoftonline.com',
  };
}

export function person(tenantId: string, handle: string): TestPerson {
  const domain = tenantId === providerTenant ? 'provider.example' : `${tenantId.slice(0, 4)}.example`;
  return {
    tenantId,
    oid: randomUUID(),
    email: `${handle}@${domain}`,
    name: handle.replace(/^./, (c) => c.toUpperCase()),
  };
}

/** Fixture: an onboarded tenant, set up completely unless told otherwise. */
export async function seedTenant(services: ApiServices, tenantId: string, setupDone = true): Promise<void> {
  const now = new Date();
  const record: TenantRecord = {
    tenantId,
    name: `Tenant ${tenantId.slice(0, 4)}`,
    onboardedAt: now,
    onboardedBy: 'fixture',
    itManager: { name: 'It Manager', email: `it@${tenantId.slice(0, 4)}.example` },
    setup: setupDone
      ? {
          dataLocation: 'italy-north',
          workloads: ['exchange', 'sharepoint-onedrive', 'teams'],
          adminConsent: { grantedAt: now, checkedBy: 'fixture' },
          confirmation: { at: now, by: 'fixture' },
        }
      : {},
  };
  await tenantRecords.scoped(services.db).insertOne(tenantId, record);
}

/** Fixture: a portal user who has signed in before and accepted the current terms unless told otherwise. */
export async function seedPortalUser(
  services: ApiServices,
  who: TestPerson,
  role: PortalRole,
  termsAccepted = true,
): Promise<PortalUser> {
  const user: PortalUser = {
    tenantId: who.tenantId,
    id: randomUUID(),
    name: who.name,
    email: who.email,
    role,
    status: 'active',
    userId: who.oid,
    invitedAt: new Date(),
    invitedBy: 'fixture',
    ...(termsAccepted && { termsAccepted: { version: currentTermsVersion, at: new Date() } }),
  };
  await portalUsers.scoped(services.db).insertOne(who.tenantId, { ...user });
  return user;
}

export async function seedProviderOperator(services: ApiServices, who: TestPerson): Promise<void> {
  await addProviderOperator(services.db, { providerTenantId: providerTenant, email: who.email, name: who.name });
}

/** The usual start of a feature test: tenants A and B onboarded and set up, and Anna, administrator of A. */
export async function startSeededHarness(prefix: string): Promise<{ api: Harness; admin: TestPerson }> {
  const api = await startHarness({ prefix });
  const admin = person(tenantA, 'anna');
  await seedTenant(api.services, tenantA);
  await seedTenant(api.services, tenantB);
  await seedPortalUser(api.services, admin, 'tenant_admin');
  return { api, admin };
}
