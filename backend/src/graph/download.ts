import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectionErrorCode } from './retry-timing.js';

/** An inclusive byte range, as in the HTTP Range header. */
export interface ByteRange {
  readonly start: number;
  readonly end?: number;
}

export interface GraphStream {
  readonly stream: Readable;
  /** Bytes this stream will deliver, when the server said. */
  readonly size: number | undefined;
  readonly contentType: string | undefined;
}

export interface ResumableDownloadOptions {
  readonly range: ByteRange | undefined;
  /** Sends the request for `range` (undefined: the whole content) and answers a 2xx response or throws. */
  open(range: ByteRange | undefined): Promise<Response>;
  /** Resumes allowed after connection resets in the middle of the body. */
  readonly maxResumes: number;
  /** Pause before resume number `resume` (1-based). */
  pauseBeforeResume(resume: number): number;
  onResume(): void;
  /** The error to raise when the body cannot be completed. */
  failure(code: string, attempts: number): Error;
}

export function rangeHeader(range: ByteRange): string {
  return `bytes=${range.start}-${range.end ?? ''}`;
}

interface Extent {
  /** Where the delivered bytes start in the content. */
  readonly start: number;
  /** Bytes expected, when known. */
  readonly length: number | undefined;
}

/**
 * Streams content and survives connection resets in the middle of the body: it asks again for the
 * bytes not yet delivered with `Range` (skipping them itself when the server ignores Range), checks
 * the ETag did not change in between, and never delivers a byte twice.
 */
export async function openResumableDownload(options: ResumableDownloadOptions): Promise<GraphStream> {
  const first = await options.open(options.range);
  const extent = extentOf(first, options.range);
  const etag = first.headers.get('etag');

  async function* deliver(): AsyncGenerator<Uint8Array> {
    let response = first;
    let delivered = 0;
    let resumes = 0;
    for (;;) {
      // A server that ignored Range starts at byte 0: drop what precedes the position we want.
      let skip = response.status === 200 ? extent.start + delivered : 0;
      try {
        for await (const chunk of response.body ?? []) {
          let bytes = chunk as Uint8Array;
          if (skip > 0) {
            const dropped = Math.min(skip, bytes.byteLength);
            skip -= dropped;
            bytes = bytes.subarray(dropped);
          }
          if (extent.length !== undefined) bytes = bytes.subarray(0, Math.max(0, extent.length - delivered));
          if (bytes.byteLength === 0) continue;
          delivered += bytes.byteLength;
          yield bytes;
          if (extent.length !== undefined && delivered >= extent.length) return;
        }
        if (extent.length === undefined || delivered >= extent.length) return;
        throw Object.assign(new Error('the body ended early'), { code: 'ECONNRESET' });
      } catch (error) {
        const code = connectionErrorCode(error);
        if (code === undefined) throw error;
        if (resumes >= options.maxResumes) throw options.failure(code, resumes + 1);
        resumes += 1;
        options.onResume();
        await sleep(options.pauseBeforeResume(resumes));
        const end = extent.length === undefined ? undefined : extent.start + extent.length - 1;
        response = await options.open({ start: extent.start + delivered, ...(end !== undefined && { end }) });
        if (etag && response.headers.get('etag') && response.headers.get('etag') !== etag) {
          await response.body?.cancel();
          throw options.failure('contentChangedDuringDownload', resumes + 1);
        }
      }
    }
  }

  return {
    stream: Readable.from(deliver(), { objectMode: false }),
    size: extent.length,
    contentType: first.headers.get('content-type') ?? undefined,
  };
}

/** Where the first response's bytes start and how many we expect, from Content-Range or Content-Length. */
function extentOf(response: Response, requested: ByteRange | undefined): Extent {
  const contentLength = numberOrUndefined(response.headers.get('content-length'));
  const contentRange = /bytes (\d+)-(\d+)\/(\d+|\*)/.exec(response.headers.get('content-range') ?? '');
  if (response.status === 206 && contentRange) {
    const [, from, to] = contentRange;
    return { start: Number(from), length: Number(to) - Number(from) + 1 };
  }
  const start = requested?.start ?? 0;
  if (contentLength === undefined)
    return { start, length: requested?.end !== undefined ? requested.end - start + 1 : undefined };
  const last = Math.min(contentLength - 1, requested?.end ?? contentLength - 1);
  return { start, length: Math.max(0, last - start + 1) };
}

function numberOrUndefined(value: string | null): number | undefined {
  if (value === null) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
