import { errorMessages, type ErrorCode } from './messages.js';
import type { Language } from '../language/language.js';

/**
 * The one failure the API reports: an HTTP status, a stable machine-readable code, and optional
 * details. The message is chosen from the catalog in the caller's language when the error is sent.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** Values substituted into `{name}` placeholders of the catalog message. */
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }

  messageIn(language: Language): string {
    return errorMessages[this.code][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in this.values ? String(this.values[name]) : whole,
    );
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

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export const notFound = (what: string) => new ApiError(404, 'not_found', undefined, { what });
