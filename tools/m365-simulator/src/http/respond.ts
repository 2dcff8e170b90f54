import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { GraphResponse } from './types.js';

/**
 * Writes a response, streaming when the body is a stream. With `resetMidBody` the connection is destroyed after about
 * half the body, the "connection reset while reading" fault clients must survive.
 */
export function writeResponse(res: ServerResponse, response: GraphResponse, resetMidBody = false): void {
  if (response.onDone) res.once('close', response.onDone);
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  const { body } = response;
  if (body instanceof Readable) {
    res.writeHead(response.status, headers);
    if (!resetMidBody) {
      body.pipe(res);
      return;
    }
    const length = Number(headers['content-length'] ?? 0);
    let written = 0;
    body.on('data', (chunk: Buffer) => {
      const room = Math.max(1, Math.floor(length / 2)) - written;
      res.write(chunk.subarray(0, Math.max(0, room)));
      written += chunk.length;
      if (written >= length / 2) {
        body.destroy();
        res.destroy();
      }
    });
    body.on('end', () => res.destroy());
    return;
  }
  const bytes =
    body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), 'utf8');
  if (body !== undefined && !Buffer.isBuffer(body) && !headers['content-type']) {
    headers['content-type'] =
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
  }
  headers['content-length'] = String(bytes.length);
  res.writeHead(response.status, headers);
  if (resetMidBody && bytes.length > 1) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
    return;
  }
  res.end(bytes);
}
