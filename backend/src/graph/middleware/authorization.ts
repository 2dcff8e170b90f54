import type { Context } from '@microsoft/microsoft-graph-client';
import { entraErrorNumber, GraphConsentMissing, notConsentedCodes } from '../errors.js';
import { callOf, requestMethod, requestUrl, setRequestHeader, type GraphCall } from '../graph-call.js';
import type { AppTokenProvider } from '../token-provider.js';
import { ChainLink } from './chain-link.js';

/**
 * Adds the tenant's app-only bearer token, except to pre-authenticated URLs. A token Entra refuses because the tenant
 * has not consented to the app becomes a `GraphConsentMissing` (other token failures pass as they are).
 */
export class AuthorizationMiddleware extends ChainLink {
  constructor(
    private readonly tokens: AppTokenProvider,
    private readonly tenantId: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const call = callOf(context);
    if (call.settings.anonymous) {
      setRequestHeader(context, 'Authorization', undefined);
    } else {
      call.bearer = await this.accessToken(context, call);
      setRequestHeader(context, 'Authorization', `Bearer ${call.bearer}`);
    }
    await this.next(context);
  }

  private async accessToken(context: Context, call: GraphCall): Promise<string> {
    try {
      return await this.tokens.accessToken();
    } catch (error) {
      const code = entraErrorNumber(error);
      if (code === undefined || !notConsentedCodes.has(code)) throw error;
      call.failure = new GraphConsentMissing({
        status: typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 0,
        code: `AADSTS${code}`,
        graphMessage: 'the tenant has not consented to the app, or revoked its consent',
        requestId: undefined,
        tenantId: this.tenantId,
        resource: call.settings.resourceLabel,
        method: requestMethod(context),
        url: requestUrl(context),
        attempts: call.attempts,
      });
      throw call.failure;
    }
  }
}
