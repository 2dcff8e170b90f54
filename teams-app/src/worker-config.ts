import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { GraphTenantConnection } from '@custodia/backend/graph/index';
import { ConfigError, shownValue } from './config-error.js';
import {
  defaultStoreLocations,
  resolveStoreLocations,
  storeLocationsSetting,
  type StoreLocation,
} from './store-locations.js';

const positiveInteger = z.coerce.number({ error: 'must be a whole number' }).int().positive();

/**
 * Every environment variable a backup worker reads. A worker joins an existing deployment, so the
 * database, the store, the master key and the Graph tenant are required: it never starts devdb.
 */
const workerEnvironmentSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only, at most 63 characters')
    .default('custodia'),
  DATA_DIR: z.string().min(1).default('./data'),
  STORE_DIR: z.string().min(1).optional(),
  STORE_LOCATIONS: storeLocationsSetting.default(defaultStoreLocations),
  STORE_AZURE_CONNECTION_STRING: z.string().min(1).optional(),
  CUSTODIA_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
  GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }),
  AUTHORITY_HOST: z.url({ protocol: /^https?$/ }),
  GRAPH_TENANT_ID: z.string().min(1),
  GRAPH_CLIENT_ID: z.string().min(1),
  GRAPH_CLIENT_SECRET: z.string().min(1),
  WORKER_NAME: z.string().min(1).max(100).optional(),
  /** Only for the tenant simulator, whose throttling windows shrink by this factor; 1 against Microsoft. */
  GRAPH_TIME_SCALE: z.coerce.number({ error: 'must be a number' }).positive().default(1),
  UNIT_LEASE_MS: positiveInteger.default(5 * 60_000),
  /** The worker exits (for its supervisor to restart it) when the database or its scheduler stalls this long. */
  DATABASE_LOST_EXIT_MS: positiveInteger.default(180_000),
  SCHEDULER_POLL_MS: positiveInteger.default(1_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
});

export interface WorkerConfig {
  readonly logLevel: z.infer<typeof workerEnvironmentSchema>['LOG_LEVEL'];
  readonly mongodbUri: string;
  readonly mongodbDatabase: string;
  /** STORE_LOCATIONS, where a location alone takes STORE_DIR, else DATA_DIR/store (as the product's process). */
  readonly storeLocations: readonly StoreLocation[];
  readonly masterKey: Buffer;
  readonly connection: GraphTenantConnection;
  readonly workerName: string;
  readonly graphTimeScale: number;
  readonly unitLeaseMs: number;
  readonly databaseLostExitMs: number;
  readonly pollIntervalMs: number;
  readonly shutdownTimeoutMs: number;
}

/** Reads and validates a worker's configuration; every bad or missing value is named in one error. */
export function loadWorkerConfig(environment: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const relevant = Object.fromEntries(
    Object.keys(workerEnvironmentSchema.shape).map((key) => [key, emptyToUndefined(environment[key])]),
  );
  const parsed = workerEnvironmentSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${shownValue(environment, name)}: ${issue.message}`;
      }),
    );
  }
  const values = parsed.data;
  const storeLocations = resolveStoreLocations(
    values.STORE_LOCATIONS,
    { kind: 'directory', path: resolve(values.STORE_DIR ?? join(values.DATA_DIR, 'store')) },
    values.STORE_AZURE_CONNECTION_STRING,
  );
  if (typeof storeLocations === 'string') throw new ConfigError([storeLocations]);
  return {
    logLevel: values.LOG_LEVEL,
    mongodbUri: values.MONGODB_URI,
    mongodbDatabase: values.MONGODB_DATABASE,
    storeLocations,
    masterKey: Buffer.from(values.CUSTODIA_MASTER_KEY, 'base64'),
    connection: {
      tenantId: values.GRAPH_TENANT_ID,
      clientId: values.GRAPH_CLIENT_ID,
      clientSecret: values.GRAPH_CLIENT_SECRET,
      graphBaseUrl: values.GRAPH_BASE_URL,
      authorityHost: values.AUTHORITY_HOST,
    },
    workerName: values.WORKER_NAME ?? `${hostname()}:${process.pid}`,
    graphTimeScale: values.GRAPH_TIME_SCALE,
    unitLeaseMs: values.UNIT_LEASE_MS,
    databaseLostExitMs: values.DATABASE_LOST_EXIT_MS,
    pollIntervalMs: values.SCHEDULER_POLL_MS,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
