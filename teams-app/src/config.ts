import { resolve } from 'node:path';
import { z } from 'zod';
import {
  defaultRequestDeadlineMs,
  supportHoursSetting,
  supportPhoneSetting,
  supportPinSetting,
  timeZoneSetting,
  type SupportContact,
} from '@custodia/backend/api/index';
import type { HttpTimeouts } from './http/timeouts.js';
import { ConfigError, shownValue } from './config-error.js';
import {
  defaultStoreLocations,
  resolveStoreLocations,
  storeLocationsSetting,
  type StoreLocation,
  type StoreTarget,
} from './store-locations.js';

const port = z.coerce
  .number({ error: 'must be a port number from 1 to 65535 (0 picks a free one)' })
  .int()
  .min(0)
  .max(65_535);
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
/** Comma-separated email addresses, each checked. */
const emailList = z.string().transform((text, context) => {
  const addresses = text
    .split(',')
    .map((address) => address.trim().toLowerCase())
    .filter((address) => address.length > 0);
  for (const address of addresses) {
    if (!z.email().safeParse(address).success) {
      context.addIssue({ code: 'custom', message: `"${address}" is not an email address` });
    }
  }
  return addresses;
});

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
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  SIMULATOR_PORT: port.default(5080),
  DEMO_MORE_PEOPLE: z.coerce
    .number({ error: 'must be a whole number of people from 0 to 10000' })
    .int('must be a whole number of people from 0 to 10000')
    .min(0, 'must be a whole number of people from 0 to 10000')
    .max(10_000, 'must be a whole number of people from 0 to 10000')
    .default(0),
  CUSTODIA_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters, e.g. from `openssl rand -base64 32`)')
    .optional(),
  STORE_AZURE_CONNECTION_STRING: z.string().min(1).optional(),
  STORE_AZURE_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'an Azure container name: 3-63 lowercase letters, digits and -')
    .default('custodia-store'),
  STORE_LOCATIONS: storeLocationsSetting.default(defaultStoreLocations),
  API_CLIENT_ID: z.string().min(1).optional(),
  API_DOMAIN: z.string().min(1).optional(),
  PUBLIC_URL: optionalUrl,
  PROVIDER_TENANT_ID: z.string().min(1).optional(),
  PROVIDER_OPERATORS: emailList.optional(),
  PROVIDER_MAILBOX: z.string().min(1).optional(),
  PROVIDER_NAME: z.string().min(1).default('Custodia'),
  SUPPORT_EMAIL: z.email().default('support@custodia.example'),
  // Demo values, plainly not a real line: a provider sets its own (the guide's toll-free number, hours and PIN).
  PROVIDER_SUPPORT_PHONE: supportPhoneSetting.default('800 000 000'),
  PROVIDER_SUPPORT_HOURS: supportHoursSetting.default({
    fromDay: 'mon',
    toDay: 'fri',
    opens: '08:00',
    closes: '18:00',
  }),
  PROVIDER_SUPPORT_TIME_ZONE: timeZoneSetting.default('Europe/Rome'),
  PROVIDER_SUPPORT_PIN: supportPinSetting.default('0000'),
  BOT_APP_ID: z.string().min(1).optional(),
  BOT_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_APP_ID: z.string().min(1).default('5b1e0d7c-6c2f-4a53-9d1e-3c7a2f9b8e41'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  API_REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(defaultRequestDeadlineMs),
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
  /** The multi-tenant app registration that reads customers' Graph (required with GRAPH_BASE_URL). */
  readonly graphApp: { clientId: string; clientSecret: string } | undefined;
  /** Loopback port of the built-in simulator when Graph is not configured. */
  readonly simulatorPort: number;
  /** Generated people the simulator adds to the demo tenant (DEMO_MORE_PEOPLE), to see the portal at scale. */
  readonly demoMorePeople: number;
  /** Absent: a development key is created under `dataDir` (never in production). */
  readonly masterKey: Buffer | undefined;
  /** The data locations a tenant may choose, each with its content store (STORE_LOCATIONS); never empty. */
  readonly storeLocations: readonly StoreLocation[];
  /** The API's own app registration (SSO token audience); defaults to the Graph app. */
  readonly apiClientId: string | undefined;
  readonly apiDomain: string | undefined;
  readonly publicUrl: string | undefined;
  readonly provider: {
    tenantId: string | undefined;
    /**
     * The people of the provider's directory who work every customer (tickets, onboarding, licences): the list is the
     * truth, applied at each start. Absent: on the simulator, the demo provider's operator; on Microsoft, the operators
     * recorded stay as they are.
     */
    operators: readonly string[] | undefined;
    /**
     * The mailbox of the provider's directory that sends the provider's letters (welcome letters, support notices),
     * a UPN or object id. Absent: on the simulator, the demo provider's; otherwise those letters wait.
     */
    mailbox: string | undefined;
    name: string;
    supportEmail: string;
    /** The phone line, its hours and the PIN it asks for (the Support page and the knowledge base show them). */
    support: SupportContact;
  };
  /**
   * The bot's Entra app: every activity is authenticated (Bot Framework JWT). Absent only while Microsoft 365 is the
   * simulator on loopback: the bot then accepts unauthenticated local traffic (tests, demo, Agents Playground).
   */
  readonly bot: { appId: string; appPassword: string } | undefined;
  /** The Teams app id of the manifest, for deep links into the portal tab. */
  readonly teamsAppId: string;
  readonly shutdownTimeoutMs: number;
  /** How long a client may take to send its request's headers, and its whole request; idle keep-alive. */
  readonly httpTimeouts: HttpTimeouts;
  /** How long an API request may wait for the database before it is answered 503 `database_unavailable`. */
  readonly requestDeadlineMs: number;
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
        return `${name}=${shownValue(environment, name)}: ${issue.message}`;
      }),
    );
  }
  const values = parsed.data;
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError([
      'HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS: the headers are part of the request',
    ]);
  }
  if ((values.GRAPH_BASE_URL === undefined) !== (values.AUTHORITY_HOST === undefined)) {
    throw new ConfigError([
      'GRAPH_BASE_URL and AUTHORITY_HOST go together: set both to reach Microsoft, or neither to use the built-in simulator',
    ]);
  }
  refuseUnauthenticatedBot(values);
  if (values.GRAPH_BASE_URL !== undefined) {
    const missing = (
      ['GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'CUSTODIA_MASTER_KEY', 'PROVIDER_TENANT_ID'] as const
    ).filter((name) => values[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(
        missing.map((name) => `${name} is required when GRAPH_BASE_URL is set (a real Microsoft 365)`),
      );
    }
  }
  const defaultStore: StoreTarget = values.STORE_AZURE_CONNECTION_STRING
    ? { kind: 'azure', connectionString: values.STORE_AZURE_CONNECTION_STRING, container: values.STORE_AZURE_CONTAINER }
    : { kind: 'directory', path: resolve(values.DATA_DIR, 'store') };
  const storeLocations = resolveStoreLocations(
    values.STORE_LOCATIONS,
    defaultStore,
    values.STORE_AZURE_CONNECTION_STRING,
  );
  if (typeof storeLocations === 'string') throw new ConfigError([storeLocations]);
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    dataDir: resolve(values.DATA_DIR),
    mongodbUri: values.MONGODB_URI,
    mongodbDatabase: values.MONGODB_DATABASE,
    graphBaseUrl: values.GRAPH_BASE_URL,
    authorityHost: values.AUTHORITY_HOST,
    graphApp:
      values.GRAPH_CLIENT_ID && values.GRAPH_CLIENT_SECRET
        ? { clientId: values.GRAPH_CLIENT_ID, clientSecret: values.GRAPH_CLIENT_SECRET }
        : undefined,
    simulatorPort: values.SIMULATOR_PORT,
    demoMorePeople: values.DEMO_MORE_PEOPLE,
    masterKey: values.CUSTODIA_MASTER_KEY ? Buffer.from(values.CUSTODIA_MASTER_KEY, 'base64') : undefined,
    storeLocations,
    apiClientId: values.API_CLIENT_ID,
    apiDomain: values.API_DOMAIN,
    publicUrl: values.PUBLIC_URL,
    provider: {
      tenantId: values.PROVIDER_TENANT_ID,
      operators: values.PROVIDER_OPERATORS,
      mailbox: values.PROVIDER_MAILBOX,
      name: values.PROVIDER_NAME,
      supportEmail: values.SUPPORT_EMAIL,
      support: {
        phone: values.PROVIDER_SUPPORT_PHONE,
        hours: { ...values.PROVIDER_SUPPORT_HOURS, timeZone: values.PROVIDER_SUPPORT_TIME_ZONE },
        pin: values.PROVIDER_SUPPORT_PIN,
      },
    },
    bot:
      values.BOT_APP_ID && values.BOT_APP_PASSWORD
        ? { appId: values.BOT_APP_ID, appPassword: values.BOT_APP_PASSWORD }
        : undefined,
    teamsAppId: values.TEAMS_APP_ID,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    httpTimeouts: {
      headersMs: values.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: values.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    requestDeadlineMs: values.API_REQUEST_DEADLINE_MS,
  };
}

/**
 * The bot authenticates every activity with its Entra app's credentials; without them anyone who can reach
 * `/api/messages` acts as any person of any tenant. Running without them is allowed only while Microsoft 365 is the
 * simulator on this machine, where no real tenant can be reached.
 */
function refuseUnauthenticatedBot(values: z.infer<typeof environmentSchema>): void {
  const { BOT_APP_ID: appId, BOT_APP_PASSWORD: password } = values;
  if ((appId === undefined) !== (password === undefined)) {
    throw new ConfigError([
      'BOT_APP_ID and BOT_APP_PASSWORD go together: the bot authenticates Teams activities with both (its Entra ' +
        'app id and client secret), and one without the other would leave it unauthenticated',
    ]);
  }
  const graphHosts = [values.GRAPH_BASE_URL, values.AUTHORITY_HOST].filter((url) => url !== undefined);
  if (appId === undefined && graphHosts.some((url) => !isLoopback(url))) {
    throw new ConfigError([
      'BOT_APP_ID and BOT_APP_PASSWORD are required when GRAPH_BASE_URL or AUTHORITY_HOST reach a real Microsoft 365 ' +
        '(not the simulator on loopback): without them the bot at /api/messages would accept unauthenticated activities',
    ]);
  }
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
