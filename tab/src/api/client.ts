import type { Language } from '../i18n/messages.js';
import type { ApiError, ApiRequest, ApiTransport, DownloadedFile } from './generated.js';

/** A failure the server could not describe: the network, or a body that is not the API's error shape. */
export const networkFailureCode = 'network';

/** The API's error codes (its `Error` component), and ours for a failure it did not describe. */
export type FailureCode = ApiError['error']['code'] | typeof networkFailureCode;

/** The API's error shape: `{ error: { code, message } }`, the message already in the caller's language. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the generated operations (`generated.ts`) call: `jobsRead(api, { params: { id } })`. Every request carries the
 * person's token and language; a failure arrives as `ApiFailure`.
 */
export type ApiClient = ApiTransport;

/** The API's prefix, for links the browser follows by itself (an export's download). */
export const apiBase = '/api/v1';

function fileNameOf(disposition: string | null): string | undefined {
  return disposition?.match(/filename="([^"]+)"/)?.[1];
}

function urlOf({ path, query = {} }: ApiRequest): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function failureOf(response: Response): Promise<ApiFailure> {
  try {
    // Any answer may arrive here, so nothing of the error shape is taken for granted.
    const body = (await response.json()) as { error?: Partial<ApiError['error']> } | null;
    if (body?.error?.code && body.error.message) {
      return new ApiFailure(response.status, body.error.code, body.error.message);
    }
  } catch {
    // Not JSON: a proxy or the network answered, not the API.
  }
  return new ApiFailure(response.status, networkFailureCode, response.statusText);
}

/** Calls the management API with the person's token, asking for messages in the portal's language. */
export function createApiClient(token: string, language: () => Language): ApiClient {
  async function send(request: ApiRequest): Promise<Response> {
    const { method, body } = request;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-language': language() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(urlOf(request), {
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
  return {
    async json(request: ApiRequest): Promise<unknown> {
      return (await send(request)).json();
    },
    async file(request: ApiRequest): Promise<DownloadedFile> {
      const response = await send(request);
      return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
    },
  };
}
