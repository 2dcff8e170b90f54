import type { Context } from '@microsoft/microsoft-graph-client';
import { callOf, setRequestHeader } from '../graph-call.js';
import type { AppTokenProvider } from '../token-provider.js';
import { ChainLink } from './chain-link.js';

/** Adds the tenant's app-only bearer token, except to pre-authenticated URLs. */
export class AuthorizationMiddleware extends ChainLink {
  constructor(private readonly tokens: AppTokenProvider) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const call = callOf(context);
    if (call.settings.anonymous) {
      setRequestHeader(context, 'Authorization', undefined);
    } else {
      call.bearer = await this.tokens.accessToken();
      setRequestHeader(context, 'Authorization', `Bearer ${call.bearer}`);
    }
    await this.next(context);
  }
}
