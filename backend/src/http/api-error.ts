import { errorTexts, type ErrorCode } from './messages.js';
import type { TextParams } from '../language/texts.js';
import type { Language } from '../language/language.js';

/**
 * The one failure the API reports: an HTTP status, a stable machine-readable code, and optional
 * details. The message is chosen from the catalog in the caller's language when the error is sent.
 */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    readonly details?: unknown,
    /** The parameters of the catalog message: typed by the code, so a missing one is a compile error. */
    ...values: ErrorValues<C>
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
    // Only a code whose message takes no parameters may leave them out, and its parameters are `{}`.
    this.values = values[0] ?? ({} as ErrorParams<C>);
  }

  readonly values: ErrorParams<C>;

  messageIn(language: Language): string {
    return errorTexts.text(this.code, this.values, language);
  }

  toBody(language: Language): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messageIn(language),
        ...(this.details !== undefined && { details: this.details }),
      },
    };
  }
}

/** What the message of an error code needs to be written. */
export type ErrorParams<C extends ErrorCode> = TextParams<(typeof errorTexts.table)[C]>;

/** A message with parameters must be given them; one without may be given nothing. */
type ErrorValues<C extends ErrorCode> = keyof ErrorParams<C> extends never
  ? [values?: ErrorParams<C>]
  : [values: ErrorParams<C>];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export const notFound = (what: string) => new ApiError(404, 'not_found', undefined, { what });
