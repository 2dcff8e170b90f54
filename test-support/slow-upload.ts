import { connect } from 'node:net';

export interface SlowUploadRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyBytes: number;
  /** A declared `content-length`, or chunked transfer with none. */
  readonly framing?: 'length' | 'chunked';
}

export interface SlowUpload {
  readonly status: number;
  /** Body bytes written when the answer's status line arrived. */
  readonly sentWhenAnswered: number;
  /** The server ended the connection after answering (it did not wait for, or read, the rest). */
  readonly closedByServer: boolean;
}

/**
 * Sends a request whose body goes out 64 KiB every 20 ms (about 3 MB/s, so 9 MB takes 3 s), and stops sending
 * once the answer arrives: how much was sent by then says whether the server waited for the body.
 */
export async function uploadSlowly(url: string, request: SlowUploadRequest): Promise<SlowUpload> {
  const { path, headers, bodyBytes, framing = 'length' } = request;
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined); // the server may reset a connection whose body it refuses
  const head = [
    `POST ${path} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'content-type: application/json',
    framing === 'length' ? `content-length: ${bodyBytes}` : 'transfer-encoding: chunked',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  socket.write(`${head}\r\n\r\n`);
  let answer = '';
  let ended = false;
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('end', () => (ended = true));
  socket.on('close', () => (ended = true));
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  let sentWhenAnswered = -1;
  while (sent < bodyBytes && !ended) {
    if (answer.includes('\r\n')) {
      sentWhenAnswered = sent;
      break;
    }
    const piece = chunk.subarray(0, Math.min(chunk.length, bodyBytes - sent));
    socket.write(framing === 'length' ? piece : `${piece.length.toString(16)}\r\n${piece.toString('latin1')}\r\n`);
    sent += piece.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (sentWhenAnswered < 0) sentWhenAnswered = sent;
  const deadline = Date.now() + 5_000;
  while (!ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  socket.destroy();
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
  return { status, sentWhenAnswered, closedByServer: ended };
}

export interface FloodedUpload {
  readonly status: number;
  /** Body bytes the client's kernel took before the server closed the connection. */
  readonly acceptedBytes: number;
  readonly closedAfterMs: number;
}

/**
 * Sends the body as fast as the connection takes it, answer or not, until the server closes: a server that reads and
 * discards a refused body lets all of it through at loopback speed; one that stops reading holds the client back.
 */
export async function uploadFlatOut(url: string, request: SlowUploadRequest): Promise<FloodedUpload> {
  const { path, headers, bodyBytes } = request;
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined);
  const started = Date.now();
  let answer = '';
  let closedAt: number | undefined;
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('close', () => (closedAt = Date.now()));
  const head = [
    `POST ${path} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'content-type: application/json',
    `content-length: ${bodyBytes}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  socket.write(`${head}\r\n\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let accepted = 0;
  while (accepted < bodyBytes && closedAt === undefined) {
    if (!socket.write(chunk)) {
      await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
    }
    if (closedAt === undefined) accepted += chunk.length;
  }
  while (closedAt === undefined && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
  socket.destroy();
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0),
    acceptedBytes: accepted,
    closedAfterMs: (closedAt ?? Date.now()) - started,
  };
}
