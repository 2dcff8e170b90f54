const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * The same response, whose body reports its bytes as they flow and calls `done` exactly once when it
 * ends, fails or is cancelled: a request holds its concurrency permit until its body is finished.
 */
export function trackBody(response: Response, onBytes: (count: number) => void, done: () => void): Response {
  if (!response.body || nullBodyStatuses.has(response.status)) {
    done();
    return response;
  }
  const reader = response.body.getReader();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          finish();
          controller.close();
          return;
        }
        onBytes(value.byteLength);
        controller.enqueue(value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The same response with its body read to the end (so a reset while reading surfaces here). The bytes go back as a
 * one-chunk stream: a Response made from an ArrayBuffer copies it, and an `exportItems` answer (20 full-fidelity
 * streams in base64) is megabytes, sixteen of them in flight during a backup.
 */
export async function bufferBody(response: Response): Promise<Response> {
  const bytes = nullBodyStatuses.has(response.status) ? null : new Uint8Array(await response.arrayBuffer());
  const body =
    bytes === null
      ? null
      : new ReadableStream<Uint8Array>({
          start(controller) {
            if (bytes.byteLength > 0) controller.enqueue(bytes);
            controller.close();
          },
        });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The body as UTF-8 text (a byte order mark dropped, as Response.text() does) without the copy Response.text() makes
 * first: it joins the body's chunks into one new buffer even when, as for a buffered answer, there is only one.
 */
export async function bodyText(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let read = await reader.read(); !read.done; read = await reader.read())
    text += decoder.decode(read.value, { stream: true });
  return text + decoder.decode();
}
