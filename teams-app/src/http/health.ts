import type { Server } from 'restify';

export interface HealthProbe {
  /** True when the database answers a ping within the timeout. */
  databaseUp(timeoutMs: number): Promise<boolean>;
  schedulerState(): string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  scheduler: string;
}

/**
 * How long health waits for the database. A database that does not answer within it is `down` for health, whether
 * it is gone, hung or too busy: the answer comes within this time whatever the database does.
 */
export const healthDatabaseTimeoutMs = 2_000;

/** Whether the database answered in time; a probe that hangs past it counts as no answer. */
async function databaseAnswers(probe: HealthProbe, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answered = probe.databaseUp(timeoutMs).catch(() => false);
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(probe: HealthProbe, timeoutMs = healthDatabaseTimeoutMs): Promise<HealthReport> {
  const databaseUp = await databaseAnswers(probe, timeoutMs);
  const scheduler = probe.schedulerState();
  return {
    status: databaseUp && scheduler === 'running' ? 'ok' : 'degraded',
    database: databaseUp ? 'up' : 'down',
    scheduler,
  };
}

/**
 * GET /healthz: 200 when the database answers and the scheduler runs, 503 otherwise; within
 * `healthDatabaseTimeoutMs` however the database behaves, so a hung database reads as `down`, never as silence.
 */
export function mountHealth(server: Server, probe: HealthProbe): void {
  server.get('/healthz', async (_request, response) => {
    const report = await checkHealth(probe);
    response.send(report.status === 'ok' ? 200 : 503, report);
  });
}
