import { MongoNetworkError, MongoOperationTimeoutError, MongoServerSelectionError } from 'mongodb';
import { ApiError } from './api-error.js';

/** What a client is told to wait before asking again, in seconds, with `database_unavailable`. */
export const retryAfterSeconds = 5;

const databaseUnavailable = () => new ApiError(503, 'database_unavailable');

/**
 * The time a request may spend waiting, counted from when it arrived. A step it bounds that has not ended by then is
 * given up and the request answered 503 `database_unavailable`: a database too busy to answer (or hung) costs the
 * caller a clear refusal within the deadline, never a connection left hanging for minutes, and the server goes on
 * answering everyone else. Only what can be given up safely is bounded: reads, never a write once started.
 */
export class RequestDeadline {
  private readonly endsAt: number;

  constructor(deadlineMs: number) {
    this.endsAt = Date.now() + deadlineMs;
  }

  async bound<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(databaseUnavailable()), Math.max(0, this.endsAt - Date.now()));
    });
    // A read given up may still fail later, when nobody waits for it any more.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The driver's word for a database that cannot be reached or did not answer in time (no server to select, a
 * connection lost or timed out, an operation past its `timeoutMS`), as the API's error; undefined for anything else.
 */
export function databaseFailureAsApiError(error: unknown): ApiError | undefined {
  const unreachable =
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoOperationTimeoutError;
  return unreachable ? databaseUnavailable() : undefined;
}
