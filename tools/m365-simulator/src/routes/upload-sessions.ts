import { randomBytes } from 'node:crypto';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileContent, type ContentSource } from '../model/content.js';
import { GraphError } from '../http/errors.js';
import type { GraphResponse } from '../http/types.js';

export interface UploadRules {
  /** Chunks other than the last must be a multiple of this many bytes (OneDrive: 320 KiB). */
  multipleOf?: number;
  /** Largest chunk accepted, exclusive (OneDrive: 60 MiB) or inclusive (Outlook attachments: 4 MB). */
  maxChunkBytes: number;
}

interface Session {
  totalSize?: number;
  received: number;
  /** Where received chunks are spooled, so a 2 GB upload does not sit in memory. */
  path: string;
  expiresAt: number;
  rules: UploadRules;
  resource: string;
  complete: (content: ContentSource) => GraphResponse | Promise<GraphResponse>;
  /** Intermediate answer: OneDrive 202 Accepted, Outlook 200 OK. */
  progressStatus: number;
  /** OneDrive `deferCommit`: the last byte range does not create the file; an empty POST to the upload URL does. */
  deferCommit?: boolean;
}

const SESSION_LIFETIME_MS = 24 * 3600 * 1000;

/**
 * Resumable upload sessions shared by OneDrive (https://learn.microsoft.com/graph/api/driveitem-createuploadsession)
 * and Outlook attachments (https://learn.microsoft.com/graph/outlook-large-attachments): chunks arrive in order with
 * `Content-Range`, need no Authorization header, and the last one commits.
 */
export class UploadSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly baseUrl: () => string,
    /** A directory of the simulator's own, removed when it stops. */
    private readonly spoolDirectory: string,
  ) {}

  create(options: Omit<Session, 'received' | 'path' | 'expiresAt'>): {
    uploadUrl: string;
    expirationDateTime: string;
  } {
    const id = randomBytes(24).toString('base64url');
    const expiresAt = Date.now() + SESSION_LIFETIME_MS;
    this.sessions.set(id, { ...options, received: 0, path: join(this.spoolDirectory, id), expiresAt });
    return { uploadUrl: `${this.baseUrl()}/_upload/${id}`, expirationDateTime: new Date(expiresAt).toISOString() };
  }

  resourceOf(id: string): string | undefined {
    return this.sessions.get(id)?.resource;
  }

  async cancel(id: string): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.sessions.delete(id);
    await rm(session.path, { force: true });
    return true;
  }

  status(id: string): GraphResponse {
    return { status: 200, body: this.progress(this.require(id)) };
  }

  /**
   * The explicit completion of a `deferCommit` session: an empty POST to the upload URL once every byte is there
   * (https://learn.microsoft.com/graph/api/driveitem-createuploadsession#completing-a-file).
   */
  async commit(id: string): Promise<GraphResponse> {
    const session = this.require(id);
    if (!session.deferCommit || session.totalSize === undefined || session.received !== session.totalSize)
      throw new GraphError(400, 'invalidRequest', 'The upload session is not complete or does not defer its commit.');
    return this.complete(id, session);
  }

  async put(id: string, contentRange: string | undefined, body: Buffer): Promise<GraphResponse> {
    const session = this.require(id);
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange ?? '');
    if (!range) throw new GraphError(400, 'invalidRequest', 'The Content-Range header is missing or malformed.');
    const start = Number(range[1]);
    const end = Number(range[2]);
    const total = range[3] === '*' ? undefined : Number(range[3]);
    if (start !== session.received) {
      // Fragments must be uploaded sequentially, in order.
      throw new GraphError(
        416,
        'invalidRange',
        `The uploaded fragment starts at ${start}; expected ${session.received}.`,
      );
    }
    if (end - start + 1 !== body.length)
      throw new GraphError(400, 'invalidRequest', 'The Content-Range does not match the body length.');
    if (body.length > session.rules.maxChunkBytes) {
      throw new GraphError(413, 'requestTooLarge', `A fragment may not exceed ${session.rules.maxChunkBytes} bytes.`);
    }
    if (total !== undefined && session.totalSize !== undefined && total !== session.totalSize) {
      // "If a byte range declares a different file size, the request will fail" (driveitem-createuploadsession).
      throw new GraphError(
        400,
        'invalidRequest',
        `The declared total size ${total} differs from ${session.totalSize}.`,
      );
    }
    if (total !== undefined) session.totalSize = total;
    const isLast = session.totalSize !== undefined && end + 1 === session.totalSize;
    const multiple = session.rules.multipleOf;
    if (multiple && !isLast && body.length % multiple !== 0) {
      // "The size of each byte range MUST be a multiple of 320 KiB" (driveitem-createuploadsession).
      throw new GraphError(
        400,
        'invalidRequest',
        `Each fragment except the last must be a multiple of ${multiple} bytes.`,
      );
    }
    if (start === 0) await writeFile(session.path, body);
    else await appendFile(session.path, body);
    session.received = end + 1;
    if (!isLast || session.deferCommit) return { status: session.progressStatus, body: this.progress(session) };
    return this.complete(id, session);
  }

  /**
   * Creates the file; when that fails (a name taken meanwhile, the quota reached) the session stays until it
   * expires, as the page's "Handle upload errors" says.
   */
  private async complete(id: string, session: Session): Promise<GraphResponse> {
    const response = await session.complete(fileContent(session.path, session.received));
    this.sessions.delete(id);
    return response;
  }

  private progress(session: Session): { expirationDateTime: string; nextExpectedRanges: string[] } {
    const done = session.totalSize !== undefined && session.received === session.totalSize;
    return {
      expirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: done ? [] : [`${session.received}-`],
    };
  }

  private require(id: string): Session {
    const session = this.sessions.get(id);
    if (!session || session.expiresAt < Date.now()) {
      throw new GraphError(404, 'itemNotFound', 'The upload session was not found or has expired.');
    }
    return session;
  }
}
