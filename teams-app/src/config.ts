import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a port number from 1 to 65535 (0 picks a free one)' })
  .int()
  .min(0)
  .max(65_535);
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

/** Every environment variable the product reads, with its default and its rule. */
const environmentSchema = z.object({
  PORT: port.default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only, at most 63 characters')
    .default('custodia'),
  GRAPH_BASE_URL: optionalUrl,
  AUTHORITY_HOST: optionalUrl,
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
});

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  readonly dataDir: string;
  /** Absent: the embedded devdb is started under `dataDir/db`. */
  readonly mongodbUri: string | undefined;
  readonly mongodbDatabase: string;
  /** Absent: the built-in Microsoft 365 tenant simulator serves the demo tenant. */
  readonly graphBaseUrl: string | undefined;
  readonly authorityHost: string | undefined;
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Custodia cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; every bad or missing value is named in one error. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => [key, emptyToUndefined(environment[key])]),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(environment[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const values = parsed.data;
  if ((values.GRAPH_BASE_URL === undefined) !== (values.AUTHORITY_HOST === undefined)) {
    throw new ConfigError([
      'GRAPH_BASE_URL and AUTHORITY_HOST go together: set both to reach Microsoft, or neither to use the built-in simulator',
    ]);
  }
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    dataDir: resolve(values.DATA_DIR),
    mongodbUri: values.MONGODB_URI,
    mongodbDatabase: values.MONGODB_DATABASE,
    graphBaseUrl: values.GRAPH_BASE_URL,
    authorityHost: values.AUTHORITY_HOST,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
