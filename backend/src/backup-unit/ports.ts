import type { Readable } from 'node:stream';
import type { StoredContent } from '../catalog/index.js';

/**
 * What the backup engine needs from the Graph access layer and the content store. The real
 * implementations live in `../graph` and `../store`; workloads see only these shapes.
 */
export type GraphResource =
  | { kind: 'mailbox'; userId: string }
  | { kind: 'drive'; driveId: string }
  | { kind: 'directory' }
  | { kind: 'team'; teamId: string };

export interface GraphDeltaPage<T> {
  items: T[];
  nextLink?: string;
  deltaLink?: string;
}

/** A read sent inside a JSON batch; `url` is a Graph path or a link Graph gave (nextLink, deltaLink). */
export interface BatchedRead {
  id: string;
  method: 'GET';
  url: string;
  headers?: Record<string, string>;
}

/** The answer to one batched read: its own status, and its JSON body. */
export interface BatchedAnswer {
  id: string;
  status: number;
  body: unknown;
}

export interface GraphReader {
  getJson<T>(path: string, options: { resource: GraphResource }): Promise<T>;
  pages<T>(
    path: string,
    options: { resource: GraphResource; maxPageSize?: number; headers?: Record<string, string> },
  ): AsyncIterable<T[]>;
  deltaPages<T>(
    link: string,
    options: { resource: GraphResource; maxPageSize?: number },
  ): AsyncIterable<GraphDeltaPage<T>>;
  getStream(path: string, options: { resource: GraphResource }): Promise<{ stream: Readable; size?: number }>;
  /** Independent reads in JSON batches of at most 20; Graph counts each sub-request against its limits. */
  batch(requests: readonly BatchedRead[], options: { resource: GraphResource }): Promise<readonly BatchedAnswer[]>;
  /** A POST that only reads (`exportItems`): `idempotent` lets it be repeated after a 5xx or a reset. */
  sendJson<T>(
    method: 'POST',
    path: string,
    body: unknown,
    options: { resource: GraphResource; idempotent?: boolean },
  ): Promise<T>;
}

export interface ContentWriter {
  put(tenantId: string, data: Buffer, kind: 'item' | 'file'): Promise<StoredContent>;
  putStream(tenantId: string, stream: Readable, kind: 'item' | 'file'): Promise<StoredContent>;
  /** Makes every content reference returned so far durable. */
  flush(tenantId?: string, refs?: readonly StoredContent[]): Promise<void>;
}
