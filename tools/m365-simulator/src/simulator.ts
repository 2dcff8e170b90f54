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
import { createSigningKeys } from './identity/keys.js';
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
  /** Every endpoint this simulator answers (`METHOD /template`): Graph routes, identity and pre-authenticated URLs. */
  endpoints: readonly string[];
  stop(): Promise<void>;
}

/** The running simulator's internals, for helpers in this package (such as mintUserToken). */
export const contexts = new WeakMap<RunningSimulator, SimulatorContext>();

async function tenantFrom(options: StartSimulatorOptions): Promise<Tenant> {
  if (options.generate) return generateTenant(options.generate);
  const source = options.tenant ?? 'demo';
  if (source === 'demo') return loadTenant(demoTenant());
  if (typeof source === 'string') return loadTenant(JSON.parse(await readFile(source, 'utf8')) as TenantDefinition);
  return loadTenant(source);
}

/** Starts a simulated Microsoft 365 tenant on loopback: Entra token endpoint, JWKS and Graph v1.0. */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const tenant = await tenantFrom(options);
  let url = '';
  const spoolDirectory = await mkdtemp(join(tmpdir(), 'custodia-m365-sim-'));
  const context: SimulatorContext = {
    tenant,
    keys: await createSigningKeys(),
    url: '',
    faults: new Faults(options.faults ?? {}),
    limits: new Limits({
      enforce: options.enforceLimits ?? false,
      timeScale: options.timeScale ?? 1,
      licences: tenant.licences,
    }),
    counters: new RequestCounters(),
    uploads: new UploadSessions(() => url, spoolDirectory),
    downloads: new DownloadLinks(() => url),
    issuedTokenIds: new Set(),
    revokedTokenIds: new Set(),
    appRoles: [...(options.appRoles ?? APP_ROLES)],
    appConsented: true,
    importSessions: new ImportSessions(() => url, options.importSessionLifetimeSeconds),
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
  const control = new SimulatorControl(context);
  const server = createSimulatorServer(context, router, new ControlApi(control));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context.url = url;
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
    endpoints: [...ENDPOINTS_OUTSIDE_GRAPH, ...router.endpoints()],
    stop: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await rm(spoolDirectory, { recursive: true, force: true });
    },
  };
  contexts.set(running, context);
  return running;
}
