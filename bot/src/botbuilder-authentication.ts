import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/** The bot's Entra app registration: the audience of the Bot Framework's tokens and the sender of the bot's replies. */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  /** For a single-tenant registration; absent, multi-tenant. */
  appTenantId?: string;
}

/** The one answer to any activity that is not authenticated: no detail of why, no network error text. */
export const refusedActivityText =
  'Attività non autenticata dal Bot Framework. / The activity is not authenticated by the Bot Framework.';

/** What the Bot Framework signs its tokens with; botbuilder checks the algorithm only after fetching its keys. */
const botFrameworkAlgorithms = new Set(['RS256', 'RS384', 'RS512']);

/**
 * botbuilder's own Bot Framework JWT validation of every activity, with three guarantees around it: a token not
 * signed the way the Bot Framework signs is refused before any key is fetched; validation that cannot finish in
 * `timeLimitMs` (the OpenID metadata unreachable) is a refusal, not a hanging request; and every failure, a network
 * error included, becomes botbuilder's `AuthenticationError`, which `CloudAdapter.process` answers with 401 and
 * `refusedActivityText`. The cause goes to `onRefused` (the logs), never to the caller.
 */
export class BotFrameworkActivityAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    credentials: BotCredentials,
    private readonly onRefused: (cause: unknown) => void,
    private readonly timeLimitMs = 10_000,
  ) {
    super({
      MicrosoftAppId: credentials.appId,
      MicrosoftAppPassword: credentials.appPassword,
      MicrosoftAppType: credentials.appTenantId ? 'SingleTenant' : 'MultiTenant',
      MicrosoftAppTenantId: credentials.appTenantId ?? '',
    });
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      refuseUnsignedBearer(authHeader);
      return await withinTime(super.authenticateRequest(activity, authHeader), this.timeLimitMs);
    } catch (cause) {
      this.onRefused(cause);
      throw new AuthenticationError(refusedActivityText, 401);
    }
  }
}

function refuseUnsignedBearer(authHeader: string): void {
  const token = /^Bearer (\S+)$/.exec(authHeader)?.[1];
  if (token === undefined) return; // botbuilder refuses a missing or malformed header itself
  const algorithm = algorithmOf(token);
  if (algorithm === undefined || !botFrameworkAlgorithms.has(algorithm)) {
    throw new Error(`bearer token not signed as the Bot Framework signs (${algorithm ?? 'no JWT header'})`);
  }
}

function algorithmOf(token: string): string | undefined {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
  } catch {
    return undefined;
  }
  return typeof header === 'object' && header !== null && 'alg' in header && typeof header.alg === 'string'
    ? header.alg
    : undefined;
}

function withinTime<T>(work: Promise<T>, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Bot Framework validation took longer than ${limitMs} ms`)), limitMs);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
