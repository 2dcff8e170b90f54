import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { SimulatorContext } from './context.js';
import { ControlApi } from './control-http.js';
import { SimulatorControl } from './control.js';
import { demoTenant } from './demo-tenant.js';
import { Faults, type FaultSpec } from './faults.js';
import { generateTenant } from './generator/tenant.js';
import { Router } from './http/router.js';
import { createSigningKeys, type SigningKeys } from './identity/keys.js';
import { RequestCounters } from './limits/counters.js';
import { Limits } from './limits/limits.js';
import type { GenerateSpec, TenantDefinition } from './model/definition.js';
import { loadTenant } from './model/load-definition.js';
import type { Tenant } from './model/tenant.js';
import { registerBatchRoute } from './routes/batch.js';
import { registerCalendarRoutes } from './routes/calendar.js';
import { registerContactRoutes } from './routes/contacts.js';
import { registerDirectoryRoutes } from './routes/directory.js';
import { DownloadLinks } from './routes/download-links.js';
import { registerFileRoutes } from './routes/files.js';
import { registerMailRoutes } from './routes/mail.js';
import { registerTeamsRoutes } from './routes/teams.js';
import { UploadSessions } from './routes/upload-sessions.js';
import { ImportSessions } from './routes/import-sessions.js';
import { registerMailboxApiRoutes } from './routes/mailbox-api.js';
import { APP_ROLES } from './identity/token-endpoint.js';
import { SignInFlows } from './identity/sign-in-flows.js';
import { createSimulatorServer, ENDPOINTS_OUTSIDE_GRAPH } from './server.js';
import { strictMode } from './strict.js';
import { createAppCertificate } from './identity/app-certificate.js';
import { ExportStreams } from './model/export-stream.js';
import { TenantHosts, type TenantHost } from './tenant-hosts.js';

export interface StartSimulatorOptions {
  /** 0 or absent: a free loopback port. */
  port?: number;
  /** `'demo'` (default), a tenant JSON file path, or a definition object. */
  tenant?: 'demo' | string | TenantDefinition;
  /** A generated tenant instead of `tenant`. */
  generate?: GenerateSpec;
  /** Shrinks throttling windows: 60 makes a 10-minute window last 10 seconds. */
  timeScale?: number;
  /** Apply the documented Graph limits (default false). */
  enforceLimits?: boolean;
  faults?: FaultSpec;
  /**
   * Application permissions in app-only tokens (default `APP_ROLES`, which includes the mailbox import/export
   * permissions). Give a smaller list to simulate a tenant whose admin did not consent to some of them.
   */
  appRoles?: readonly string[];
  /** Lifetime of mailbox import sessions (default 3600 s); `control.setImportSessionLifetime` changes it later. */
  importSessionLifetimeSeconds?: number;
  /**
   * Take the freedoms the documentation leaves Graph (see `strict.ts`), so a client that relies on more than is
   * documented fails here too: `$batch` answers in a shuffled order, pages hold fewer items than asked, delta pages
   * repeat an entry, access tokens live five minutes and may be refused before that. On by default: every test runs
   * against it; `strict: false` only where a test measures the simulator's own page sizes.
   */
  strict?: boolean;
  /** Seeds strict mode's choices (default 1), so a failure can be replayed. */
  strictSeed?: number;
  /**
   * Memory for export streams kept for items exported again unchanged (default 64 MB, least recently used dropped).
   * The benchmark gives enough for its whole tenant, so that Graph's side of an export costs it as little as real
   * Graph's costs the backup's machine.
   */
  exportCacheBytes?: number;
  /**
   * More tenants at the same address, as Entra and Graph serve every tenant behind one authority and one endpoint
   * with one set of signing keys: each with its own directory, mailboxes, files and app registration, chosen by the
   * authority path's tenant and by the `tid` of a Graph call's token (a provider's own directory beside a customer's).
   * Faults, limits and strictness apply to each as to the first; the control API over HTTP serves the first.
   */
  moreTenants?: readonly ('demo' | string | TenantDefinition)[];
}

/** A tenant served beside the first: its id, app registration and in-process control. */
export interface RunningTenant {
  tenantId: string;
  app: { clientId: string; clientSecret: string };
  control: SimulatorControl;
}

export interface RunningSimulator {
  url: string;
  graphBaseUrl: string;
  authorityHost: string;
  tenantId: string;
  /**
   * The app registration: its client secret, and its certificate credential (thumbprints and private key, for msal's
   * `clientCertificate` or any `client_assertion` signer).
   */
  app: {
    clientId: string;
    clientSecret: string;
    certificate: { thumbprint: string; thumbprintSha256: string; privateKeyPem: string };
  };
  control: SimulatorControl;
  /** The tenants of `moreTenants`, in their order. */
  moreTenants: readonly RunningTenant[];
  /** Every endpoint this simulator answers (`METHOD /template`): Graph routes, identity and pre-authenticated URLs. */
  endpoints: readonly string[];
  stop(): Promise<void>;
}

/** The running simulator's tenants, for helpers in this package (such as mintUserToken). */
export const tenantHostsOf = new WeakMap<RunningSimulator, TenantHosts>();

async function tenantFrom(options: StartSimulatorOptions): Promise<Tenant> {
  if (options.generate) return generateTenant(options.generate);
  return tenantOf(options.tenant ?? 'demo');
}

async function tenantOf(source: 'demo' | string | TenantDefinition): Promise<Tenant> {
  if (source === 'demo') return loadTenant(demoTenant());
  if (typeof source === 'string') return loadTenant(JSON.parse(await readFile(source, 'utf8')) as TenantDefinition);
  return loadTenant(source);
}

interface SharedParts {
  readonly keys: SigningKeys;
  readonly url: () => string;
  readonly spoolDirectory: string;
}

/** One tenant's state and Graph routes, over the keys and address every tenant of the simulator shares. */
function hostTenant(tenant: Tenant, shared: SharedParts, options: StartSimulatorOptions): TenantHost {
  const context: SimulatorContext = {
    tenant,
    keys: shared.keys,
    url: '',
    faults: new Faults(options.faults ?? {}),
    limits: new Limits({
      enforce: options.enforceLimits ?? false,
      timeScale: options.timeScale ?? 1,
      licences: tenant.licences,
    }),
    counters: new RequestCounters(),
    uploads: new UploadSessions(shared.url, shared.spoolDirectory),
    downloads: new DownloadLinks(shared.url),
    issuedTokenIds: new Set(),
    revokedTokenIds: new Set(),
    appRoles: [...(options.appRoles ?? APP_ROLES)],
    appConsented: true,
    importSessions: new ImportSessions(shared.url, options.importSessionLifetimeSeconds),
    strict: strictMode(options.strict ?? true, options.strictSeed),
    appCertificate: createAppCertificate(),
    exportStreams: new ExportStreams(options.exportCacheBytes),
    signIns: new SignInFlows(),
  };
  const router = new Router();
  registerDirectoryRoutes(router, context);
  registerMailRoutes(router, context);
  registerContactRoutes(router, context);
  registerCalendarRoutes(router, context);
  registerMailboxApiRoutes(router, context);
  registerFileRoutes(router, context);
  registerTeamsRoutes(router, context);
  registerBatchRoute(router, context);
  return { context, router };
}

/** Starts a simulated Microsoft 365 tenant on loopback: Entra token endpoint, JWKS and Graph v1.0. */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const tenant = await tenantFrom(options);
  let url = '';
  const shared: SharedParts = {
    keys: await createSigningKeys(),
    url: () => url,
    spoolDirectory: await mkdtemp(join(tmpdir(), 'custodia-m365-sim-')),
  };
  const primary = hostTenant(tenant, shared, options);
  const others = await Promise.all(
    (options.moreTenants ?? []).map(async (source) => hostTenant(await tenantOf(source), shared, options)),
  );
  const tenants = new TenantHosts(primary, others);
  const { context, router } = primary;
  const control = new SimulatorControl(context);
  const server = createSimulatorServer(tenants, new ControlApi(control));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const host of tenants.all) host.context.url = url;
  const running: RunningSimulator = {
    url,
    graphBaseUrl: `${url}/v1.0`,
    authorityHost: url,
    tenantId: tenant.id,
    app: {
      clientId: tenant.app.clientId,
      clientSecret: tenant.app.clientSecret,
      certificate: {
        thumbprint: context.appCertificate.thumbprint,
        thumbprintSha256: context.appCertificate.thumbprintSha256,
        privateKeyPem: context.appCertificate.privateKeyPem,
      },
    },
    control,
    moreTenants: others.map(({ context: other }) => ({
      tenantId: other.tenant.id,
      app: { clientId: other.tenant.app.clientId, clientSecret: other.tenant.app.clientSecret },
      control: new SimulatorControl(other),
    })),
    endpoints: [...ENDPOINTS_OUTSIDE_GRAPH, ...router.endpoints()],
    stop: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await rm(shared.spoolDirectory, { recursive: true, force: true });
    },
  };
  tenantHostsOf.set(running, tenants);
  return running;
}
