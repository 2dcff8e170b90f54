import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { GraphLimits } from '../connection.js';
import type { GraphCounterSet } from '../counters.js';
import { GraphRequestError } from '../errors.js';
import { callOf, requestMethod, requestUrl, type GraphCall } from '../graph-call.js';
import { backoffMs, connectionErrorCode, serverPauseMs, withJitter } from '../retry-timing.js';
import type { SharedBudget } from '../shared-budget.js';
import type { AppTokenProvider } from '../token-provider.js';
import { ChainLink } from './chain-link.js';
import { bufferBody } from './tracked-body.js';

export interface RetryDependencies {
  readonly tenantId: string;
  readonly limits: GraphLimits;
  readonly counters: GraphCounterSet;
  readonly budget: SharedBudget;
  readonly tokens: AppTokenProvider;
  readonly logger: Logger | undefined;
}

/** Statuses after which the server has not acted on the request: always safe to repeat. */
const throttleStatuses = new Set([429, 503]);
/** Transient server failures: repeated only when repeating cannot duplicate an effect. */
const transientStatuses = new Set([500, 502, 504]);

/**
 * The one place that decides to try again: 429 and 503 after the server's pause (the larger of
 * Retry-After and RateLimit-Reset, plus jitter; the pause is shared with every worker through the
 * budget), 5xx and connection resets with exponential backoff, one fresh token after a 401; at most
 * `maxAttempts` attempts, then the last answer stands or a GraphRequestError says why.
 */
export class RetryMiddleware extends ChainLink {
  constructor(private readonly deps: RetryDependencies) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const call = callOf(context);
    const { counters, limits } = this.deps;
    const label = call.settings.resourceLabel;
    for (;;) {
      call.attempts += 1;
      const lastAttempt = call.attempts >= limits.maxAttempts;
      let response: Response;
      try {
        response = await this.next(context);
        if (call.settings.bufferBody) context.response = response = await bufferBody(response);
      } catch (error) {
        const code = connectionErrorCode(error);
        if (code === undefined) throw error;
        if (lastAttempt || !call.settings.idempotent) throw this.connectionFailure(context, call, code);
        await this.waitToRetry(call, backoffMs(call.attempts, limits.backoffBaseMs, limits.backoffMaxMs), code);
        continue;
      }
      if (response.status === 429) counters.add(label, 'throttled');
      const pauseMs = this.retryPause(call, response);
      if (pauseMs === undefined || lastAttempt) return;
      await response.body?.cancel();
      await this.waitToRetry(call, pauseMs, String(response.status));
    }
  }

  /** How long to wait before repeating after this answer, or undefined when the answer stands. */
  private retryPause(call: GraphCall, response: Response): number | undefined {
    const { limits, budget, tokens } = this.deps;
    const { status } = response;
    // A token may be refused before its expiry (revoked, or renewed late after a long throttling pause): once per
    // call, at whatever attempt, the token is dropped and the call repeated with a fresh one.
    if (status === 401 && !call.tokenRenewed && call.bearer) {
      call.tokenRenewed = true;
      tokens.invalidate(call.bearer);
      return 0;
    }
    if (throttleStatuses.has(status)) {
      const pause = serverPauseMs(response.headers);
      if (pause === undefined) return backoffMs(call.attempts, limits.backoffBaseMs, limits.backoffMaxMs);
      const { policy } = call.settings;
      void budget.pause(policy.budgetScope, Date.now() + pause).catch((error: unknown) => {
        this.deps.logger?.warn({ err: error, scope: policy.budgetScope }, 'could not share a Graph throttling pause');
      });
      return withJitter(pause);
    }
    if (transientStatuses.has(status) && call.settings.idempotent) {
      return backoffMs(call.attempts, limits.backoffBaseMs, limits.backoffMaxMs);
    }
    return undefined;
  }

  private async waitToRetry(call: GraphCall, pauseMs: number, reason: string): Promise<void> {
    this.deps.counters.add(call.settings.resourceLabel, 'retries');
    this.deps.logger?.debug(
      { resource: call.settings.resourceLabel, attempt: call.attempts, pauseMs: Math.round(pauseMs), reason },
      'retrying a Graph request',
    );
    if (pauseMs > 0) await sleep(pauseMs);
  }

  private connectionFailure(context: Context, call: GraphCall, code: string): GraphRequestError {
    call.failure = new GraphRequestError({
      status: 0,
      code,
      graphMessage: '',
      requestId: undefined,
      tenantId: this.deps.tenantId,
      resource: call.settings.resourceLabel,
      method: requestMethod(context),
      url: requestUrl(context),
      attempts: call.attempts,
    });
    return call.failure;
  }
}
