import { createRandom, hashSeed, intBetween, type Random } from './util/random.js';

/**
 * Strict mode: the simulator takes every latitude Graph's documentation gives itself, so a client that leans on a
 * lenient server fails here rather than in production. Deterministic for a seed, so a failure can be replayed.
 * - `$batch` answers in any order: "Individual responses might appear in a different order than the requests"
 *   (https://learn.microsoft.com/graph/json-batching#response-format).
 * - Pages hold fewer items than asked: `Prefer: odata.maxpagesize` is a maximum and a server-driven page may be
 *   smaller (https://learn.microsoft.com/graph/paging); here each page without `$top` holds between half and all of it.
 * - A delta round reports an item again: "The same resource might be returned more than once in a delta response"
 *   (https://learn.microsoft.com/graph/delta-query-overview); here every page after the first repeats the last entry
 *   of the page before.
 * - Access tokens live shorter than a client may assume: issued for five minutes, and honoured only until a point
 *   between half and all of that, as a token revoked early would be
 *   (https://learn.microsoft.com/entra/identity-platform/access-tokens#token-lifetime,
 *   /entra/identity/conditional-access/concept-continuous-access-evaluation).
 */
export interface StrictMode {
  readonly enabled: boolean;
  /** The number of items a page holds when the client asked for at most `asked`. */
  pageSize(asked: number): number;
  /** The order in which `$batch` answers its responses. */
  order<T>(responses: T[]): T[];
  /** Whether delta pages repeat the previous page's last entry. */
  readonly repeatsDeltaEntries: boolean;
  /** The lifetime written into access tokens (`expires_in`, `exp`). */
  readonly tokenLifetimeSeconds: number;
  /** Seconds after issue from which a token (by its `uti`) is refused, whatever its `exp` says. */
  honouredSeconds(tokenId: string): number;
}

/** Graph's usual token lifetime (https://learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes: 60–90 minutes). */
const USUAL_TOKEN_SECONDS = 3599;
const STRICT_TOKEN_SECONDS = 300;

export function strictMode(enabled: boolean, seed = 1): StrictMode {
  if (!enabled) {
    return {
      enabled,
      pageSize: (asked) => asked,
      order: (responses) => responses,
      repeatsDeltaEntries: false,
      tokenLifetimeSeconds: USUAL_TOKEN_SECONDS,
      honouredSeconds: () => USUAL_TOKEN_SECONDS,
    };
  }
  const pages = createRandom(hashSeed('pages', seed));
  const batches = createRandom(hashSeed('batches', seed));
  return {
    enabled,
    pageSize: (asked) => intBetween(pages, Math.ceil(asked / 2), asked),
    order: (responses) => shuffle(responses, batches),
    repeatsDeltaEntries: true,
    tokenLifetimeSeconds: STRICT_TOKEN_SECONDS,
    honouredSeconds: (tokenId) =>
      intBetween(createRandom(hashSeed('token', seed, tokenId)), STRICT_TOKEN_SECONDS / 2, STRICT_TOKEN_SECONDS),
  };
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}
