import { Client, ResponseType, type Context, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { MiddlewareControl } from '@microsoft/microsoft-graph-client/lib/src/middleware/MiddlewareControl.js';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { runBatchRounds, sortRound, type BatchRequest, type BatchResponse } from './batch.js';
import { resolveGraphLimits, type GraphLimits, type GraphTenantConnection } from './connection.js';
import { GraphCounterSet, type GraphCounters } from './counters.js';
import { toDeltaPage, type CollectionPage, type DeltaPage } from './delta.js';
import { openResumableDownload, rangeHeader, type ByteRange, type GraphStream } from './download.js';
import { GraphRequestError } from './errors.js';
import { GraphCall, type GraphCallSettings } from './graph-call.js';
import { KeyedSemaphore } from './keyed-semaphore.js';
import { AuthorizationMiddleware } from './middleware/authorization.js';
import { BudgetMiddleware } from './middleware/budget.js';
import { RetryMiddleware } from './middleware/retry.js';
import { bodyText } from './middleware/tracked-body.js';
import { FetchTransport } from './middleware/transport.js';
import { policyFor } from './request-policy.js';
import { resourceLabel, type ResourceKey } from './resource.js';
import { errorFromResponse, type FailedCall } from './response-errors.js';
import { backoffMs } from './retry-timing.js';
import { SharedBudget } from './shared-budget.js';
import { AppTokenProvider } from './token-provider.js';

export interface GraphGatewayOptions {
  readonly connection: GraphTenantConnection;
  /** Where the budgets shared by every worker live. */
  readonly db: Db;
  readonly logger?: Logger;
  readonly limits?: Partial<GraphLimits>;
}

export interface GraphRequestOptions {
  readonly resource: ResourceKey;
  readonly headers?: Record<string, string>;
}

export interface PagingOptions extends GraphRequestOptions {
  /** Sent as `Prefer: odata.maxpagesize=N`. */
  readonly maxPageSize?: number;
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface SendJsonOptions extends GraphRequestOptions {
  /** Declares a POST safe to repeat after a 5xx or a reset (PATCH, PUT and DELETE always are). */
  readonly idempotent?: boolean;
  /** No Authorization header: the URL is pre-authenticated (an import session's `importUrl`). */
  readonly anonymous?: boolean;
}

export interface PutBytesOptions extends GraphRequestOptions {
  /** No Authorization header: upload-session URLs are pre-authenticated. */
  readonly anonymous?: boolean;
}

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, the text when it is not JSON, undefined when empty. */
  readonly body: unknown;
}

interface SendOptions extends GraphRequestOptions {
  readonly method: 'GET' | WriteMethod;
  readonly body?: unknown;
  readonly bufferBody: boolean;
  readonly anonymous?: boolean;
  readonly idempotent?: boolean;
  readonly units?: number;
  readonly permits?: number;
}

interface Sent {
  readonly response: Response;
  readonly failed: FailedCall;
}

/**
 * Every Microsoft Graph call of one customer tenant goes through here: app-only tokens, shared
 * budgets, the mailbox concurrency rule, retries, paging, delta rounds, resumable downloads and
 * batches. Workload code never sleeps, retries or pages by itself.
 */
export class GraphGateway {
  private readonly graphRoot: string;

  private constructor(
    private readonly connection: GraphTenantConnection,
    private readonly limits: GraphLimits,
    private readonly tokens: AppTokenProvider,
    private readonly counterSet: GraphCounterSet,
    private readonly client: Client,
    private readonly chainHead: RetryMiddleware,
  ) {
    this.graphRoot = connection.graphBaseUrl.replace(/\/+$/, '');
  }

  static async open(options: GraphGatewayOptions): Promise<GraphGateway> {
    const { connection, db, logger } = options;
    const limits = resolveGraphLimits(options.limits);
    const tokens = new AppTokenProvider(connection);
    const counters = new GraphCounterSet(connection.tenantId);
    const budget = new SharedBudget(db, connection.tenantId, limits.reservationBlock, limits.budgetShare);
    const retry = new RetryMiddleware({ tenantId: connection.tenantId, limits, counters, budget, tokens, logger });
    const middleware = [
      retry,
      new BudgetMiddleware(budget, new KeyedSemaphore(limits.mailboxConcurrency), counters),
      new AuthorizationMiddleware(tokens, connection.tenantId),
      new FetchTransport(counters),
    ];
    const root = new URL(connection.graphBaseUrl.replace(/\/+$/, ''));
    const version = root.pathname.split('/').pop() ?? 'v1.0';
    const baseUrl = `${root.origin}${root.pathname.slice(0, -version.length).replace(/\/+$/, '')}`;
    const client = Client.initWithMiddleware({ middleware, baseUrl, defaultVersion: version });
    return new GraphGateway(connection, limits, tokens, counters, client, retry);
  }

  get tenantId(): string {
    return this.connection.tenantId;
  }

  async getJson<T>(path: string, options: GraphRequestOptions): Promise<T> {
    const sent = await this.send(path, { ...options, method: 'GET', bufferBody: true });
    return (await this.readAnswer(sent)).body as T;
  }

  async sendJson<T>(method: WriteMethod, path: string, body: unknown, options: SendJsonOptions): Promise<T> {
    const headers = { 'Content-Type': 'application/json', ...options.headers };
    const sent = await this.send(path, {
      ...options,
      headers,
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      bufferBody: true,
      idempotent: options.idempotent ?? method !== 'POST',
    });
    return (await this.readAnswer(sent)).body as T;
  }

  /** Uploads bytes (a simple PUT of content, or one upload-session chunk to its absolute URL). */
  async putBytes(urlOrPath: string, bytes: Buffer, options: PutBytesOptions): Promise<GraphAnswer> {
    const headers = { 'Content-Type': 'application/octet-stream', ...options.headers };
    const sent = await this.send(urlOrPath, { ...options, headers, method: 'PUT', body: bytes, bufferBody: true });
    return this.readAnswer(sent);
  }

  /**
   * Streams `$value` of a message or attachment, or a file's content (following the redirect to the
   * pre-authenticated URL without our token). A reset mid-body resumes by Range transparently.
   */
  async getStream(pathOrUrl: string, options: GraphRequestOptions & { range?: ByteRange }): Promise<GraphStream> {
    const label = resourceLabel(options.resource);
    let failed: FailedCall | undefined;
    return openResumableDownload({
      range: options.range,
      open: async (range) => {
        const headers = { ...options.headers, ...(range && { Range: rangeHeader(range) }) };
        const sent = await this.send(pathOrUrl, { ...options, headers, method: 'GET', bufferBody: false });
        failed = sent.failed;
        if (!sent.response.ok) throw await errorFromResponse(sent.response, sent.failed);
        return sent.response;
      },
      maxResumes: this.limits.maxAttempts - 1,
      pauseBeforeResume: (resume) => backoffMs(resume, this.limits.backoffBaseMs, this.limits.backoffMaxMs),
      onResume: () => this.counterSet.add(label, 'retries'),
      failure: (code, attempts) =>
        new GraphRequestError({
          ...(failed ?? this.failedCall(options.resource, 'GET', pathOrUrl, attempts)),
          attempts,
          status: 0,
          code,
          graphMessage: 'the download could not be completed',
          requestId: undefined,
        }),
    });
  }

  /** Pages of a collection, following `@odata.nextLink`. */
  async *pages<T>(path: string, options: PagingOptions): AsyncGenerator<T[]> {
    for (let link: string | undefined = path; link !== undefined;) {
      const page: CollectionPage<T> = await this.getJson<CollectionPage<T>>(link, this.withPageSize(options));
      yield page.value ?? [];
      link = page['@odata.nextLink'];
    }
  }

  /**
   * One delta round from a start URL, a saved nextLink or a deltaLink. Each page carries the link
   * that resumes after it; only the last carries the deltaLink. An expired token throws
   * GraphResyncRequired (with the drive's Location, if any): the caller starts a full round.
   */
  async *deltaPages<T>(urlOrLink: string, options: PagingOptions): AsyncGenerator<DeltaPage<T>> {
    for (let link: string | undefined = urlOrLink; link !== undefined;) {
      const page: DeltaPage<T> = toDeltaPage(await this.getJson<CollectionPage<T>>(link, this.withPageSize(options)));
      yield page;
      link = page.nextLink;
    }
  }

  /**
   * Sends requests as JSON batches of at most 20 (4 parallel lanes per mailbox); sub-requests
   * answered 429, 503 or 424 go again, alone, after the largest pause asked. Answers come back in
   * request order; a sub-request that still fails after `maxAttempts` rounds keeps its last answer.
   */
  async batch(requests: readonly BatchRequest[], options: GraphRequestOptions): Promise<BatchResponse[]> {
    const label = resourceLabel(options.resource);
    const lanes = options.resource.kind === 'mailbox' ? this.limits.mailboxConcurrency : undefined;
    return runBatchRounds(requests, {
      lanes,
      maxRounds: this.limits.maxAttempts,
      sendBatch: (batch) => this.sendBatch(batch, options, lanes),
      backoffMs: (round) => backoffMs(round, this.limits.backoffBaseMs, this.limits.backoffMaxMs),
      onRound: (throttled, repeated) => {
        this.counterSet.add(label, 'throttled', throttled);
        this.counterSet.add(label, 'retries', repeated);
      },
    });
  }

  /** A JSON-ready snapshot of this tenant's counters in this process, for the run summary. */
  counters(): GraphCounters {
    return this.counterSet.snapshot(this.tokens.tokenRequests);
  }

  private async sendBatch(chunk: BatchRequest[], options: GraphRequestOptions, lanes: number | undefined) {
    const units = chunk.reduce(
      (sum, request) =>
        sum + policyFor(options.resource, request.method, this.graphRoot + request.url, this.limits).units,
      0,
    );
    const sent = await this.send('/$batch', {
      resource: options.resource,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        requests: chunk.map((request) => ({ ...request, url: this.relativeToRoot(request.url) })),
      }),
      bufferBody: true,
      idempotent: chunk.every((request) => request.method === 'GET'),
      units,
      ...(lanes !== undefined && { permits: Math.min(lanes, chunk.length) }),
    });
    const answer = await this.readAnswer(sent);
    const responses = (answer.body as { responses?: BatchResponse[] } | undefined)?.responses ?? [];
    return sortRound(chunk, responses);
  }

  private withPageSize(options: PagingOptions): GraphRequestOptions {
    if (options.maxPageSize === undefined) return options;
    return { ...options, headers: { Prefer: `odata.maxpagesize=${options.maxPageSize}`, ...options.headers } };
  }

  /** Relative paths and absolute Graph links (nextLink, deltaLink) become paths under the version root. */
  private relativeToRoot(pathOrUrl: string): string {
    if (pathOrUrl.startsWith(`${this.graphRoot}/`)) return pathOrUrl.slice(this.graphRoot.length);
    return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  }

  private async send(pathOrUrl: string, options: SendOptions): Promise<Sent> {
    const foreign = /^https?:\/\//i.test(pathOrUrl) && !pathOrUrl.startsWith(`${this.graphRoot}/`);
    const path = foreign ? pathOrUrl : this.relativeToRoot(pathOrUrl);
    const absolute = foreign ? pathOrUrl : this.graphRoot + path;
    const settings: GraphCallSettings = {
      resourceLabel: resourceLabel(options.resource),
      policy: policyFor(options.resource, options.method, absolute, this.limits),
      bufferBody: options.bufferBody,
      anonymous: options.anonymous ?? false,
      idempotent: options.idempotent ?? options.method !== 'POST',
      ...(options.units !== undefined && { units: options.units }),
      ...(options.permits !== undefined && { permits: options.permits }),
    };
    const call = new GraphCall(settings);
    const failed = (): FailedCall => this.failedCall(options.resource, options.method, absolute, call.attempts);
    try {
      const response = foreign
        ? await this.sendOutsideGraph(absolute, options, call)
        : await this.dispatch(this.client.api(path).responseType(ResponseType.RAW).middlewareOptions([call]), options);
      return { response, failed: failed() };
    } catch (error) {
      // The SDK rewraps errors thrown in the chain; the chain leaves the typed one on the call.
      throw call.failure ?? error;
    }
  }

  private async dispatch(request: GraphRequest, options: SendOptions): Promise<Response> {
    if (options.headers) request.headers(options.headers);
    switch (options.method) {
      case 'GET':
        return (await request.get()) as Response;
      case 'POST':
        return (await request.post(options.body)) as Response;
      case 'PATCH':
        return (await request.patch(options.body)) as Response;
      case 'PUT':
        return (await request.put(options.body)) as Response;
      case 'DELETE':
        return (await request.delete()) as Response;
    }
  }

  /** Pre-authenticated upload and download URLs are not Graph paths, but still pass the same chain. */
  private async sendOutsideGraph(url: string, options: SendOptions, call: GraphCall): Promise<Response> {
    const context: Context = {
      request: url,
      options: { method: options.method, headers: options.headers, body: options.body as RequestInit['body'] },
      middlewareControl: new MiddlewareControl([call]),
    };
    await this.chainHead.execute(context);
    if (!context.response) throw new Error(`no response for ${options.method} ${url}`);
    return context.response;
  }

  private async readAnswer(sent: Sent): Promise<GraphAnswer> {
    const { response } = sent;
    if (!response.ok) throw await errorFromResponse(response, sent.failed);
    const text = await bodyText(response);
    return { status: response.status, headers: response.headers, body: parseBody(text, response.headers) };
  }

  private failedCall(resource: ResourceKey, method: string, url: string, attempts: number): FailedCall {
    // Query strings carry delta tokens; upload and download URLs are credentials: keep them out of errors and logs.
    const { origin, pathname } = new URL(url, this.graphRoot);
    const shown = url.startsWith(this.graphRoot) || !/^https?:/i.test(url) ? origin + pathname : `${origin}/…`;
    return { tenantId: this.tenantId, resource: resourceLabel(resource), method, url: shown, attempts };
  }
}

function parseBody(text: string, headers: Headers): unknown {
  if (text === '') return undefined;
  if (!(headers.get('content-type') ?? '').includes('json')) return text;
  return JSON.parse(text) as unknown;
}
