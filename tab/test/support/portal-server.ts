import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintUserToken, type RunningSimulator } from '@custodia/m365-simulator';
import { createLogger, loadConfig, startApp, type RunningApp } from '@custodia/teams-app';
import { tenantRecords } from '@custodia/backend/tenants/tenant-store';

export const tabDist = fileURLToPath(new URL('../../dist/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface PortalServer {
  readonly url: string;
  readonly app: RunningApp;
  readonly sim: RunningSimulator;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `/tab/*`: a file of tab/dist when it exists, index.html otherwise (the portal routes on the client). */
async function serveTab(path: string, response: ServerResponse): Promise<void> {
  const relative = normalize(decodeURIComponent(path.slice('/tab/'.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(tabDist, relative);
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) file = join(tabDist, 'index.html');
  response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
  response.end(await readFile(file));
}

async function proxyToApi(app: RunningApp, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
  }
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
  const answer = await fetch(`${app.url}${request.url ?? ''}`, {
    method: request.method ?? 'GET',
    headers,
    ...(body && { body }),
  });
  const forwarded: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'content-length')
      forwarded[name] = value;
  });
  response.writeHead(answer.status, forwarded);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** The dev sign-in the lead's server will offer on the simulator: the demo tenant's people, and tokens for them. */
async function devRoutes(sim: RunningSimulator, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const users = sim.control.listUsers().map(({ id, displayName, userPrincipalName }) => ({
    id,
    displayName,
    userPrincipalName,
  }));
  if (request.method === 'GET' && request.url === '/dev/users') return json(response, 200, users);
  if (request.method === 'POST' && request.url === '/dev/sign-in') {
    const { userPrincipalName } = JSON.parse((await readBody(request)).toString('utf8')) as {
      userPrincipalName?: string;
    };
    const user = users.find((u) => u.userPrincipalName === userPrincipalName);
    if (!user) return json(response, 404, { error: 'no such user' });
    return json(response, 200, { token: await mintUserToken(sim, { id: user.id }) });
  }
  json(response, 404, { error: 'not found' });
}

export interface PortalServerOptions {
  /** Undo the demo tenant's setup, so that the portal walks it as a new customer would. */
  readonly undoSetup: boolean;
}

/**
 * The real product (`startApp` on the demo tenant: setup done, a Gold licence, one nightly job) behind one
 * origin that also serves tab/dist and the dev sign-in, until the lead's composition root mounts `/tab` itself.
 */
export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'custodia-tab-'));
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: run through jest');
  const config = loadConfig({
    PORT: '0',
    SIMULATOR_PORT: '0',
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: `tab_${Date.now().toString(36)}`,
    DATA_DIR: dataDir,
    // In demo mode the provider's directory defaults to the demo tenant itself, which would make its admin a
    // (refused) provider operator; the provider here is another directory, as in production.
    PROVIDER_TENANT_ID: randomUUID(),
  });
  const app = await startApp(config, createLogger('silent'));
  const sim = app.microsoft365.demo;
  if (!sim) throw new Error('the product did not start on the tenant simulator');
  if (options.undoSetup) {
    await tenantRecords.scoped(app.database.db).updateOne(
      sim.tenantId,
      {},
      {
        $unset: { 'setup.dataLocation': '', 'setup.workloads': '', 'setup.adminConsent': '', 'setup.confirmation': '' },
      },
    );
  }

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const handled = path.startsWith('/tab/')
      ? serveTab(path, response)
      : path.startsWith('/dev/')
        ? devRoutes(sim, request, response)
        : proxyToApi(app, request, response);
    handled.catch((error: unknown) => json(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    sim,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.database.db.dropDatabase().catch(() => undefined);
      await app.stop();
    },
  };
}
