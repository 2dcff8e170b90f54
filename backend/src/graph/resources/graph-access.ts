import type { ResourceKey } from '../resource.js';
import type { WriteMethod } from '../gateway.js';

/**
 * What the resource functions need of the Graph gateway, as narrow as each use: the backup unit's reader
 * (`backup-unit/ports.ts`) and the gateway itself both fit.
 */
export interface GraphReads {
  getJson<T>(path: string, options: { resource: ResourceKey; headers?: Record<string, string> }): Promise<T>;
  pages<T>(
    path: string,
    options: { resource: ResourceKey; maxPageSize?: number; headers?: Record<string, string> },
  ): AsyncIterable<T[]>;
}

export interface GraphWrites {
  sendJson<T>(method: WriteMethod, path: string, body: unknown, options: { resource: ResourceKey }): Promise<T>;
}

/** A Graph listing and the page size to ask for it with (`Prefer: odata.maxpagesize`). */
export interface GraphListing {
  path: string;
  maxPageSize: number;
}
