import type { MongoClient } from 'mongodb';

/** Where connectivity changes are told; a pino logger fits. */
export interface ConnectivityLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/**
 * Says once when the database stops answering (a connection pool was cleared after a network error, or the monitor's
 * heartbeat failed) and once when it answers again, so an operator reading the log sees an outage as two lines and
 * not as a silence. The driver itself retries; nothing here changes what it does.
 */
export function watchConnectivity(client: MongoClient, log: ConnectivityLog): void {
  let down = false;
  const lost = (address: string, reason: string) => {
    if (down) return;
    down = true;
    log.warn(
      { address, reason },
      'database unreachable: work waits and resumes where it stopped when it answers / database non raggiungibile',
    );
  };
  client.on('connectionPoolCleared', (event) => lost(event.address, 'connection pool cleared'));
  client.on('serverHeartbeatFailed', (event) => lost(event.connectionId, String(event.failure)));
  client.on('serverHeartbeatSucceeded', (event) => {
    if (!down) return;
    down = false;
    log.info({ address: event.connectionId }, 'database reachable again / database di nuovo raggiungibile');
  });
}

/**
 * Calls `onLost` once when the database has not answered a ping for `unreachableForMs`. A worker process uses it to
 * exit and be restarted by its supervisor: every unit and restore resumes where it stopped, and a fresh process gets a
 * fresh connection even if the old one never recovers from the outage. Returns a function that stops watching.
 */
export function watchDatabase(
  ping: (timeoutMs: number) => Promise<boolean>,
  options: { unreachableForMs: number; everyMs?: number; onLost: () => void },
): () => void {
  let lastAnswer = Date.now();
  let lost = false;
  const timer = setInterval(() => {
    void ping(2_000).then((answered) => {
      if (answered) lastAnswer = Date.now();
      else if (!lost && Date.now() - lastAnswer > options.unreachableForMs) {
        lost = true;
        options.onLost();
      }
    });
  }, options.everyMs ?? 5_000);
  timer.unref();
  return () => clearInterval(timer);
}
