/** Longest throttling pause we accept from a header before treating it as nonsense. */
const maxHonouredPauseMs = 10 * 60_000;

/**
 * How long the server asked us to wait: the larger of `Retry-After` (seconds or an HTTP date)
 * and `RateLimit-Reset` (seconds), as SharePoint's guidance says. Undefined when neither is present.
 */
export function serverPauseMs(headers: Headers, now = Date.now()): number | undefined {
  const candidates = [
    parseSecondsOrDate(headers.get('retry-after'), now),
    parseSecondsOrDate(headers.get('ratelimit-reset'), now),
  ];
  const present = candidates.filter((value): value is number => value !== undefined);
  if (present.length === 0) return undefined;
  return Math.min(Math.max(...present), maxHonouredPauseMs);
}

function parseSecondsOrDate(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Never earlier than the server asked; up to a quarter later (at most 1 s) so that workers throttled
 * together do not come back together.
 */
export function withJitter(pauseMs: number, random: () => number = Math.random): number {
  return pauseMs + random() * Math.min(1_000, pauseMs * 0.25 + 50);
}

/** Exponential backoff with full jitter for failures that carry no Retry-After. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

const connectionErrorCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/**
 * The network code of a failed fetch or body read (`ECONNRESET`, `UND_ERR_SOCKET`...), if it is one.
 * Errors are read by shape, not `instanceof`: undici's errors may come from another realm.
 */
export function connectionErrorCode(error: unknown): string | undefined {
  let current = error as ErrorLike | undefined;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    if (typeof current.code === 'string' && connectionErrorCodes.has(current.code)) return current.code;
    if (current.name === 'TypeError' && current.message === 'terminated') return 'terminated';
    current = current.cause as ErrorLike | undefined;
  }
  return undefined;
}
