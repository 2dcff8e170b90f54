import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay to a server (the test database) that a test can cut and restore, as a network outage would: while
 * cut, every open connection is dropped and new ones are refused. It can also stall, as a server that hangs (a
 * database process stopped, or too busy to answer): connections stay open and are accepted, but no byte goes either
 * way until it resumes, and then everything held is delivered in order.
 */
export interface TcpCut {
  /** `mongodb://127.0.0.1:<relay port>/...`: the same URI with the relay's address. */
  readonly uri: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpCut(targetUri: string): Promise<TcpCut> {
  const target = new URL(targetUri);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let stalled = false;
  const held: Array<() => void> = [];
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => (stalled ? held.push(() => to.write(chunk)) : to.write(chunk)));
    from.on('end', () => (stalled ? held.push(() => to.end()) : to.end()));
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        relay(client, upstream);
        relay(upstream, client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      held.length = 0;
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  const resume = () => {
    stalled = false;
    for (const deliver of held.splice(0)) deliver();
  };
  await listen();
  const relayed = new URL(targetUri);
  relayed.host = `127.0.0.1:${port}`;
  return {
    uri: relayed.toString(),
    cut: stop,
    restore: listen,
    stall: () => void (stalled = true),
    resume,
    close: stop,
  };
}
