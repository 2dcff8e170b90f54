import type { Request, Response } from 'restify';
import { ApiError } from './api-error.js';

/**
 * The JSON body of a request whose caller is already known, read from the socket only now and never past `limit`
 * bytes: a declared length over the limit is refused before one byte is read, a chunked body as soon as it passes
 * it. `undefined` when the request has no body. After a refusal, `closeUnreadBodyAfterAnswer` keeps the client from
 * sending the rest.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  if (!hasBody(request)) return undefined;
  if (declaredLength(request) > limit) throw bodyTooLarge(limit);
  if (!request.is('json')) throw new ApiError(415, 'unsupported_media_type');
  const bytes = await readAtMost(request, limit);
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
}

/** A body is announced by a length above zero or by chunked transfer (RFC 9112 section 6.3). */
export function hasBody(request: Request): boolean {
  return declaredLength(request) > 0 || request.header('transfer-encoding') !== undefined;
}

/**
 * After answering a request whose large or unknown-length body was not read to its end, the socket stops reading (Node
 * would read and discard the rest to keep the connection alive; TCP now holds the client back instead) and the
 * connection closes `refusedBodyLingerMs` later. Closing at once would make the kernel reset a connection with unread data in it,
 * which can destroy the answer before the client reads it; lingering a moment is how HTTP servers close safely
 * (nginx's `lingering_timeout`).
 */
export function closeUnreadBodyAfterAnswer(request: Request, response: Response): void {
  if (request.complete) return;
  // A small body of known length is cheaper to let Node read and discard than a connection to close: the client may
  // already be sending its next request on it (keep-alive), which a close would reset.
  const length = declaredLength(request);
  if (length > 0 && length <= discardedBodyMaxBytes) return;
  response.once('finish', () => {
    if (request.complete) return;
    // After Node's own discard has started (it resumes the request on the next tick): stop both from reading.
    setImmediate(() => {
      request.pause();
      request.socket.pause();
    });
    const timer = setTimeout(() => request.socket.destroy(), refusedBodyLingerMs);
    request.once('end', () => clearTimeout(timer));
    request.socket.once('close', () => clearTimeout(timer));
  });
}

const refusedBodyLingerMs = 2_000;
/** Up to this size a refused body is read and discarded, keeping the connection alive for the client's next request. */
const discardedBodyMaxBytes = 64 * 1024;

export function bodyTooLarge(limit: number): ApiError<'body_too_large'> {
  const kib = Math.floor(limit / 1024);
  return new ApiError(413, 'body_too_large', { limitBytes: limit }, { limit: `${kib} KiB` });
}

function declaredLength(request: Request): number {
  const header = request.header('content-length');
  return header === undefined ? 0 : Number(header);
}

function readAtMost(request: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      request.pause();
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(() => reject(bodyTooLarge(limit)));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (error: Error) => settle(() => reject(error));
    // The client went away before the end of its body: nobody is left to answer.
    const onClose = () => settle(() => reject(new ApiError(400, 'invalid_request', [incompleteBody])));
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

const incompleteBody = { location: 'body', path: '', code: 'incomplete_body' } as const;
