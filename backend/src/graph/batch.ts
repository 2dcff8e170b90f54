import { setTimeout as sleep } from 'node:timers/promises';
import { serverPauseMs, withJitter } from './retry-timing.js';

/** One request inside a JSON batch; `url` is relative to the Graph version root (`/users/{id}/messages/{id}`). */
export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** Graph's ceiling on requests in one batch. */
export const maxBatchSize = 20;

/** Answers after which a sub-request is sent again in the next round. */
function isWorthRepeating(response: BatchResponse, request: BatchRequest): boolean {
  if (response.status === 429 || response.status === 503) return true;
  // 424: a request it depended on (often our own lane sequencing) failed; it never ran.
  if (response.status === 424) return true;
  return request.method === 'GET' && [500, 502, 504].includes(response.status);
}

/**
 * Splits requests into batches of at most 20. With `lanes` (a mailbox: 4), requests that do not
 * sequence themselves are chained `lanes` deep with dependsOn, so Graph never runs more than
 * `lanes` of them at once against the mailbox (more draws MailboxConcurrency 429s).
 */
export function planBatches(requests: readonly BatchRequest[], lanes: number | undefined): BatchRequest[][] {
  const ids = new Set(requests.map((request) => request.id));
  if (ids.size !== requests.length) throw new Error('batch request ids must be unique');
  if (requests.length > maxBatchSize && requests.some((request) => request.dependsOn?.length)) {
    throw new Error(`dependsOn is supported only in batches of at most ${maxBatchSize} requests`);
  }
  const batches: BatchRequest[][] = [];
  for (let offset = 0; offset < requests.length; offset += maxBatchSize) {
    const chunk = requests.slice(offset, offset + maxBatchSize);
    batches.push(
      chunk.map((request, index) => {
        const laneParent = lanes !== undefined && index >= lanes ? chunk[index - lanes] : undefined;
        if (request.dependsOn?.length || !laneParent) return request;
        return { ...request, dependsOn: [laneParent.id] };
      }),
    );
  }
  return batches;
}

export interface BatchRound {
  /** Final answers, by request id. */
  readonly settled: Map<string, BatchResponse>;
  /** Requests to send again, and the last answer each got (it stands if no round is left). */
  readonly repeat: Array<{ request: BatchRequest; last: BatchResponse }>;
}

/** Sorts one round's answers into final ones and ones worth another round. */
export function sortRound(sent: readonly BatchRequest[], responses: readonly BatchResponse[]): BatchRound {
  const byId = new Map(responses.map((response) => [response.id, response]));
  const settled = new Map<string, BatchResponse>();
  const repeat: BatchRound['repeat'] = [];
  for (const request of sent) {
    const response = byId.get(request.id) ?? { id: request.id, status: 424, headers: {}, body: null };
    if (isWorthRepeating(response, request)) repeat.push({ request, last: response });
    else settled.set(request.id, response);
  }
  return { settled, repeat };
}

/** The caller's request again, its dependsOn limited to requests still pending (the others already ran). */
export function forNextRound(original: BatchRequest, pending: ReadonlySet<string>): BatchRequest {
  if (!original.dependsOn?.length) return original;
  return { ...original, dependsOn: original.dependsOn.filter((id) => pending.has(id)) };
}

export interface BatchRoundsOptions {
  /** Parallel lanes per batch (a mailbox: 4), or undefined for no sequencing. */
  readonly lanes: number | undefined;
  readonly maxRounds: number;
  /** Sends one batch of at most 20 and sorts its answers. */
  sendBatch(batch: BatchRequest[]): Promise<BatchRound>;
  /** Pause after a round whose repeated answers named none. */
  backoffMs(round: number): number;
  /** Told after each round how many answers were 429 and how many requests go again. */
  onRound(throttled: number, repeated: number): void;
}

/**
 * Sends every request, repeating the ones worth repeating in later rounds (after the largest pause
 * their answers asked for), and answers in request order. A request still failing after the last
 * round keeps its last answer.
 */
export async function runBatchRounds(
  requests: readonly BatchRequest[],
  options: BatchRoundsOptions,
): Promise<BatchResponse[]> {
  const originals = new Map(requests.map((request) => [request.id, request]));
  const answers = new Map<string, BatchResponse>();
  let pending = [...requests];
  for (let round = 1; pending.length > 0; round += 1) {
    const results = await Promise.all(planBatches(pending, options.lanes).map((batch) => options.sendBatch(batch)));
    const repeat: BatchRequest[] = [];
    let throttled = 0;
    let pauseMs = 0;
    for (const { settled, repeat: again } of results) {
      for (const [id, response] of settled) answers.set(id, response);
      for (const { request, last } of again) {
        answers.set(request.id, last);
        if (last.status === 429) throttled += 1;
        repeat.push(request);
        pauseMs = Math.max(pauseMs, serverPauseMs(new Headers(last.headers)) ?? options.backoffMs(round));
      }
    }
    const lastRound = round >= options.maxRounds;
    options.onRound(throttled, lastRound ? 0 : repeat.length);
    if (repeat.length === 0 || lastRound) break;
    const stillPending = new Set(repeat.map((request) => request.id));
    pending = repeat.map((request) => forNextRound(originals.get(request.id) ?? request, stillPending));
    await sleep(withJitter(pauseMs));
  }
  return requests.map((request) => answers.get(request.id) ?? { id: request.id, status: 424, headers: {}, body: null });
}
