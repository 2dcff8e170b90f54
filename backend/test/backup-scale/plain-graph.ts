// A deliberately plain Graph client (fetch, one app token, Retry-After honoured, resets retried) that shares no code
// with the product: tests use it to list what the simulator holds, and `bench/backup.ts` to measure the raw-fetch
// ceiling. It has no relative imports so that the benchmark can load it with Node's own TypeScript support.

export interface PlainGraphTarget {
  readonly graphBaseUrl: string;
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly app: { readonly clientId: string; readonly clientSecret: string };
}

export interface PlainGraphCounts {
  requests: number;
  throttled: number;
  retriedResets: number;
}

const maxAttempts = 20;

export class PlainGraph {
  readonly counts: PlainGraphCounts = { requests: 0, throttled: 0, retriedResets: 0 };
  // Plain fields, not constructor parameter properties: Node's type stripping accepts only erasable syntax.
  private readonly graphBaseUrl: string;
  private readonly token: string;

  private constructor(graphBaseUrl: string, token: string) {
    this.graphBaseUrl = graphBaseUrl;
    this.token = token;
  }

  static async connect(target: PlainGraphTarget): Promise<PlainGraph> {
    const response = await fetch(`${target.authorityHost}/${target.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: target.app.clientId,
        client_secret: target.app.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    if (!response.ok) throw new Error(`token request answered ${response.status}: ${await response.text()}`);
    const { access_token: token } = (await response.json()) as { access_token: string };
    return new PlainGraph(target.graphBaseUrl, token);
  }

  async json<T>(pathOrUrl: string): Promise<T> {
    return this.withRetries(pathOrUrl, async (response) => (await response.json()) as T);
  }

  /** A JSON request with a JSON answer (`exportItems`): retried like a read, which Graph allows for this action. */
  async postJson<T>(path: string, body: unknown): Promise<T> {
    const init = { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' };
    return this.withRetries(path, async (response) => (await response.json()) as T, init);
  }

  /** Reads a body to its end (`$value`, file content after the redirect) and returns its length in bytes. */
  async drain(pathOrUrl: string): Promise<number> {
    return this.withRetries(pathOrUrl, async (response) => {
      let bytes = 0;
      for await (const piece of response.body ?? []) bytes += (piece as Uint8Array).length;
      return bytes;
    });
  }

  /** One request, no retry: its status (429 included), body discarded. */
  async status(pathOrUrl: string): Promise<number> {
    this.counts.requests += 1;
    const response = await fetch(this.urlOf(pathOrUrl), { headers: { Authorization: `Bearer ${this.token}` } });
    await response.body?.cancel();
    if (response.status === 429) this.counts.throttled += 1;
    return response.status;
  }

  /** Every page of a collection or delta round, following `@odata.nextLink`. */
  async *pages<T>(path: string): AsyncGenerator<T[]> {
    for (let link: string | undefined = path; link !== undefined;) {
      const page: { value?: T[]; '@odata.nextLink'?: string } = await this.json(link);
      yield page.value ?? [];
      link = page['@odata.nextLink'];
    }
  }

  private urlOf(pathOrUrl: string): string {
    return pathOrUrl.startsWith('http') ? pathOrUrl : `${this.graphBaseUrl}${pathOrUrl}`;
  }

  private async withRetries<T>(
    pathOrUrl: string,
    read: (response: Response) => Promise<T>,
    init: { method: string; body: string; contentType: string } | undefined = undefined,
  ): Promise<T> {
    const url = this.urlOf(pathOrUrl);
    const method = init?.method ?? 'GET';
    for (let attempt = 1; ; attempt++) {
      try {
        this.counts.requests += 1;
        const response = await fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${this.token}`,
            ...(init && { 'Content-Type': init.contentType }),
          },
          ...(init && { body: init.body }),
        });
        if ((response.status === 429 || response.status === 503) && attempt < maxAttempts) {
          if (response.status === 429) this.counts.throttled += 1;
          await response.body?.cancel();
          await sleep(Number(response.headers.get('Retry-After') ?? '1') * 1000);
          continue;
        }
        if (!response.ok) throw new HttpAnswerError(method, url, response.status, await response.text());
        return await read(response);
      } catch (error) {
        if (error instanceof HttpAnswerError || attempt >= maxAttempts) throw error;
        this.counts.retriedResets += 1;
        await sleep(50 * attempt);
      }
    }
  }
}

class HttpAnswerError extends Error {
  constructor(method: string, url: string, status: number, body: string) {
    super(`${method} ${url.split('?')[0]} answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'HttpAnswerError';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
