import type { Server } from 'restify';

export interface HealthProbe {
  databaseUp(): Promise<boolean>;
  schedulerState(): string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  scheduler: string;
}

export async function checkHealth(probe: HealthProbe): Promise<HealthReport> {
  const databaseUp = await probe.databaseUp();
  const scheduler = probe.schedulerState();
  return {
    status: databaseUp && scheduler === 'running' ? 'ok' : 'degraded',
    database: databaseUp ? 'up' : 'down',
    scheduler,
  };
}

/** GET /healthz: 200 when the database answers and the scheduler runs, 503 otherwise. */
export function mountHealth(server: Server, probe: HealthProbe): void {
  server.get('/healthz', async (_request, response) => {
    const report = await checkHealth(probe);
    response.send(report.status === 'ok' ? 200 : 503, report);
  });
}
