import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphCounterSet } from '../counters.js';
import { callOf, requestMethod, requestUrl } from '../graph-call.js';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 5;

/**
 * The end of the chain: sends the request with fetch. A GET answered by a redirect (file content
 * answers 302 to a pre-authenticated URL) is followed here WITHOUT the Authorization header and with
 * the other headers (Range) kept; fetch's own redirect handling would not guarantee either.
 */
export class FetchTransport implements Middleware {
  constructor(private readonly counters: GraphCounterSet) {}

  async execute(context: Context): Promise<void> {
    const call = callOf(context);
    this.counters.add(call.settings.resourceLabel, 'requests');
    let url = requestUrl(context);
    let response = await fetch(context.request, { ...context.options, redirect: 'manual' });
    if (requestMethod(context) !== 'GET') {
      context.response = response;
      return;
    }
    for (let hop = 0; hop < maxRedirects && redirectStatuses.has(response.status); hop += 1) {
      const location = response.headers.get('location');
      if (!location) break;
      await response.body?.cancel();
      url = new URL(location, url).href;
      const headers = new Headers(context.options?.headers);
      headers.delete('authorization');
      response = await fetch(url, { method: 'GET', headers, redirect: 'manual' });
    }
    context.response = response;
  }
}
