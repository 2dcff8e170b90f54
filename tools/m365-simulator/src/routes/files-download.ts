import type { IncomingMessage } from 'node:http';
import type { SimulatorContext } from '../context.js';
import { errorResponse, GraphError } from '../http/errors.js';
import type { GraphResponse } from '../http/types.js';
import { newRequestId } from '../util/ids.js';

/**
 * The pre-authenticated download URL: no Authorization header, `Range` honoured with 206 and `Content-Range`
 * (https://learn.microsoft.com/graph/api/driveitem-get-content#partial-range-downloads).
 */
export function serveDownload(context: SimulatorContext, token: string, req: IncomingMessage): GraphResponse {
  const requestId = newRequestId();
  const link = context.downloads.resolve(token);
  if (!link) {
    context.counters.record('GET (download url)', undefined, 404);
    return errorResponse(
      new GraphError(404, 'itemNotFound', 'The download URL has expired or is not valid.'),
      requestId,
    );
  }
  const { content } = link;
  try {
    // A file download costs 1 resource unit (SharePoint throttling guidance).
    context.limits.admit(
      { appId: link.appId, tenantId: context.tenant.id, kind: 'app', permissions: [] },
      { resource: 'sharepoint', resourceUnits: 1 },
      link.resource,
    );
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    context.counters.record('GET (download url)', link.resource, error.status);
    return errorResponse(error, requestId);
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers['range'] ?? ''));
  const base = { 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream', 'request-id': requestId };
  context.counters.record('GET (download url)', link.resource, range ? 206 : 200);
  if (!range) {
    return {
      status: 200,
      headers: { ...base, 'content-length': String(content.size) },
      body: req.method === 'HEAD' ? undefined : content.stream(),
    };
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, content.size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), content.size - 1) : content.size - 1;
  if (start >= content.size || start > end) {
    return { status: 416, headers: { ...base, 'content-range': `bytes */${content.size}` }, body: Buffer.alloc(0) };
  }
  return {
    status: 206,
    headers: {
      ...base,
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${content.size}`,
    },
    body: content.stream(start, end),
  };
}
