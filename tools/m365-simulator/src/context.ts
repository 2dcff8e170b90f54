import type { StrictMode } from './strict.js';
import type { AppCertificate } from './identity/app-certificate.js';
import type { SigningKeys } from './identity/keys.js';
import type { SignInFlows } from './identity/sign-in-flows.js';
import type { Tenant } from './model/tenant.js';
import type { Faults } from './faults.js';
import type { Limits } from './limits/limits.js';
import type { RequestCounters } from './limits/counters.js';
import type { UploadSessions } from './routes/upload-sessions.js';
import type { DownloadLinks } from './routes/download-links.js';
import type { ImportSessions } from './routes/import-sessions.js';
import type { ExportStreams } from './model/export-stream.js';

/** Everything a route needs, created once per simulator. */
export interface SimulatorContext {
  tenant: Tenant;
  keys: SigningKeys;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  url: string;
  faults: Faults;
  limits: Limits;
  counters: RequestCounters;
  uploads: UploadSessions;
  downloads: DownloadLinks;
  /** Token ids (`uti`) issued so far, and those revoked through the control API. */
  issuedTokenIds: Set<string>;
  revokedTokenIds: Set<string>;
  /** Application permissions put in app-only tokens issued from now on (the tenant's admin consent). */
  appRoles: string[];
  /** False once the tenant's administrator revoked the app's consent: Entra then no longer finds the app in it. */
  appConsented: boolean;
  /** Pre-authenticated import sessions of the mailbox import/export API. */
  importSessions: ImportSessions;
  /** The latitude the simulator takes where Graph's documentation allows it (page sizes, order, repeats, tokens). */
  strict: StrictMode;
  /** The certificate credential registered on the app, for `client_assertion`. */
  appCertificate: AppCertificate;
  /** Interactive sign-in: the app's SPA redirect URIs, sign-ins under way, consents and authorization codes. */
  signIns: SignInFlows;
  /** Encoded full-fidelity streams of items already exported, reused while the item is unchanged. */
  exportStreams: ExportStreams;
}
