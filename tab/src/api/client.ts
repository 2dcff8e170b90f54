import type { Language } from '../i18n/messages.js';
import type { ApiRequest, ApiTransport, DownloadedFile } from './generated.js';

export type { DownloadedFile } from './generated.js';

/** The API's error shape: `{ error: { code, message } }`, the message already in the caller's language. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A failure the server could not describe: the network, or a body that is not the API's error shape. */
export const networkFailureCode = 'network';

export type QueryValues = Record<string, string | number | boolean | undefined>;

/** What the generated operations (`generated.ts`) call, with the person's token and language. */
export interface ApiClient extends ApiTransport {
  get<T>(path: string, query?: QueryValues): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  download(path: string, query?: QueryValues): Promise<Blob>;
  /** POSTs `body` and reads the answer as a file, named as the server's `content-disposition` names it. */
  postForFile(path: string, body: unknown): Promise<DownloadedFile>;
}

function fileNameOf(disposition: string | null): string | undefined {
  return disposition?.match(/filename="([^"]+)"/)?.[1];
}

export const apiBase = '/api/v1';

export function withQuery(path: string, query: ApiRequest['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function failureOf(response: Response): Promise<ApiFailure> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code && body.error.message) {
      return new ApiFailure(response.status, body.error.code, body.error.message);
    }
  } catch {
    // Not JSON: a proxy or the network answered, not the API.
  }
  return new ApiFailure(response.status, networkFailureCode, response.statusText);
}

/** Calls the management API with the person's token, asking for messages in the portal's language. */
export function createApiClient(token: string, language: () => Language): ApiClient {
  /** `url` from the server's root: the generated operations name the API's prefix themselves. */
  async function fetchFromApi(method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-language': language() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiFailure(0, networkFailureCode, '');
    }
    if (!response.ok) throw await failureOf(response);
    return response;
  }
  const call = (method: string, path: string, body?: unknown) => fetchFromApi(method, `${apiBase}${path}`, body);
  async function file(response: Response): Promise<DownloadedFile> {
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
  }
  return {
    async json(request: ApiRequest): Promise<unknown> {
      return (await fetchFromApi(request.method, withQuery(request.path, request.query), request.body)).json();
    },
    async file(request: ApiRequest): Promise<DownloadedFile> {
      return file(await fetchFromApi(request.method, withQuery(request.path, request.query), request.body));
    },
    async get<T>(path: string, query?: QueryValues) {
      return (await (await call('GET', withQuery(path, query))).json()) as T;
    },
    async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
      return (await (await call(method, path, body)).json()) as T;
    },
    async download(path: string, query?: QueryValues) {
      return (await call('GET', withQuery(path, query))).blob();
    },
    async postForFile(path: string, body: unknown) {
      return file(await call('POST', path, body));
    },
  };
}
