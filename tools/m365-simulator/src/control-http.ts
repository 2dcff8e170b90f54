import type { SimulatorControl } from './control.js';
import { errorBody, GraphError } from './http/errors.js';
import type { GraphResponse } from './http/types.js';
import type { FaultSpec } from './faults.js';
import type { EventDefinition } from './model/definition.js';
import { newRequestId } from './util/ids.js';

type Body = Record<string, unknown>;

interface ControlRoute {
  method: string;
  pattern: RegExp;
  run: (match: string[], body: Body, query: URLSearchParams) => GraphResponse | Promise<GraphResponse>;
}

const json = (body: unknown): GraphResponse => ({ status: 200, body: body as object });
const done = (): GraphResponse => ({ status: 204 });

/** `/_sim/...`: the same operations as SimulatorControl, over HTTP, for tests in other processes and for the CLI. */
export class ControlApi {
  private readonly routes: ControlRoute[];

  constructor(control: SimulatorControl) {
    const at = (method: string, pattern: RegExp, run: ControlRoute['run']) => ({ method, pattern, run });
    const str = (body: Body, key: string) => String(body[key] ?? '');
    const fileContent = (body: Body) =>
      body['contentBase64'] !== undefined
        ? Buffer.from(str(body, 'contentBase64'), 'base64')
        : { size: Number(body['size'] ?? 0), seed: Number(body['seed'] ?? 0) };
    this.routes = [
      at('GET', /^\/_sim\/users$/, () => json(control.listUsers())),
      at('GET', /^\/_sim\/users\/([^/]+)\/mailFolders$/, ([user]) => json(control.listMailFolders(user as string))),
      at('POST', /^\/_sim\/users\/([^/]+)\/mailFolders$/, ([user], body) =>
        json({
          id: control.addMailFolder(
            user as string,
            str(body, 'displayName'),
            body['parentFolder'] as string | undefined,
          ),
        }),
      ),
      at('GET', /^\/_sim\/users\/([^/]+)\/mailFolders\/([^/]+)\/messages$/, ([user, folder]) =>
        json(control.listMessages(user as string, folder as string)),
      ),
      at('POST', /^\/_sim\/users\/([^/]+)\/mailFolders\/([^/]+)\/messages$/, ([user, folder], body) =>
        json({
          id: control.addMessage(
            user as string,
            folder as string,
            body['mimeBase64'] !== undefined ? Buffer.from(str(body, 'mimeBase64'), 'base64') : str(body, 'mime'),
            { isRead: body['isRead'] === true },
          ),
        }),
      ),
      at('PATCH', /^\/_sim\/users\/([^/]+)\/messages\/([^/]+)$/, ([user, id], body) => {
        control.updateMessage(user as string, id as string, body as { isRead?: boolean; flagged?: boolean });
        return done();
      }),
      at('POST', /^\/_sim\/users\/([^/]+)\/messages\/([^/]+)\/move$/, ([user, id], body) =>
        json({ id: control.moveMessage(user as string, id as string, str(body, 'destinationFolder')) }),
      ),
      at('DELETE', /^\/_sim\/users\/([^/]+)\/messages\/([^/]+)$/, ([user, id]) => {
        control.deleteMessage(user as string, id as string);
        return done();
      }),
      at('GET', /^\/_sim\/users\/([^/]+)\/messages\/([^/]+)\/mime$/, ([user, id]) => ({
        status: 200,
        headers: { 'content-type': 'message/rfc822' },
        body: control.messageMime(user as string, id as string),
      })),
      at('POST', /^\/_sim\/users\/([^/]+)\/events$/, ([user], body) =>
        json({ id: control.addEvent(user as string, body as unknown as EventDefinition) }),
      ),
      at('DELETE', /^\/_sim\/users\/([^/]+)\/events\/([^/]+)$/, ([user, id]) => {
        control.deleteEvent(user as string, id as string);
        return done();
      }),
      at('POST', /^\/_sim\/users\/([^/]+)\/contacts$/, ([user], body) =>
        json({ id: control.addContact(user as string, body as { givenName: string; surname: string }) }),
      ),
      at('DELETE', /^\/_sim\/users\/([^/]+)\/contacts\/([^/]+)$/, ([user, id]) => {
        control.deleteContact(user as string, id as string);
        return done();
      }),
      at('GET', /^\/_sim\/drives$/, () => json(control.listDrives())),
      at('POST', /^\/_sim\/drives\/([^/]+)\/files$/, ([drive], body) =>
        json({ id: control.addFile(drive as string, str(body, 'folderPath'), str(body, 'name'), fileContent(body)) }),
      ),
      at('POST', /^\/_sim\/drives\/([^/]+)\/folders$/, ([drive], body) =>
        json({ id: control.addDriveFolder(drive as string, str(body, 'folderPath'), str(body, 'name')) }),
      ),
      at('PUT', /^\/_sim\/drives\/([^/]+)\/items\/([^/]+)\/content$/, ([drive, id], body) => {
        control.updateFile(drive as string, id as string, fileContent(body));
        return done();
      }),
      at('POST', /^\/_sim\/drives\/([^/]+)\/items\/([^/]+)\/move$/, ([drive, id], body) => {
        control.moveDriveItem(drive as string, id as string, str(body, 'destinationFolderPath'));
        return done();
      }),
      at('PUT', /^\/_sim\/drives\/([^/]+)\/quota$/, ([drive], body) => {
        control.setDriveQuota(drive as string, Number(body['totalBytes']));
        return done();
      }),
      at('DELETE', /^\/_sim\/drives\/([^/]+)\/items\/([^/]+)$/, ([drive, id]) => {
        control.deleteDriveItem(drive as string, id as string);
        return done();
      }),
      // The id of the item at a path from the drive's root (`null` if there is none), for a client in another process.
      at('GET', /^\/_sim\/drives\/([^/]+)\/item-id$/, ([drive], _body, query) =>
        json({ id: control.findDriveItem(drive as string, query.get('path') ?? '') ?? null }),
      ),
      at('GET', /^\/_sim\/drives\/([^/]+)\/items\/([^/]+)\/content$/, ([drive, id]) => ({
        status: 200,
        body: control.fileContent(drive as string, id as string),
      })),
      at('GET', /^\/_sim\/drives\/([^/]+)\/items\/([^/]+)\/sha256$/, async ([drive, id]) =>
        json({ sha256: await control.fileSha256(drive as string, id as string) }),
      ),
      at('GET', /^\/_sim\/teams$/, () => json(control.listTeams())),
      at('POST', /^\/_sim\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/, ([team, channel], body) =>
        json({
          id: control.addChannelMessage(
            team as string,
            channel as string,
            str(body, 'from'),
            str(body, 'body'),
            body['replyTo'] as string | undefined,
          ),
        }),
      ),
      at('GET', /^\/_sim\/outbox$/, () => json(control.outbox())),
      at('GET', /^\/_sim\/counters$/, () => json(control.counters())),
      at('DELETE', /^\/_sim\/counters$/, () => {
        control.resetCounters();
        return done();
      }),
      at('POST', /^\/_sim\/delta\/invalidate$/, () => {
        control.invalidateDeltaTokens();
        return done();
      }),
      at('POST', /^\/_sim\/tokens\/expire$/, () => {
        control.expireTokens();
        return done();
      }),
      at('GET', /^\/_sim\/app-roles$/, () => json({ roles: control.appRoles() })),
      at('PUT', /^\/_sim\/app-roles$/, (_match, body) => {
        control.setAppRoles(Array.isArray(body['roles']) ? body['roles'].map(String) : []);
        return done();
      }),
      at('POST', /^\/_sim\/consent\/revoke$/, () => {
        control.revokeAdminConsent();
        return done();
      }),
      at('POST', /^\/_sim\/consent\/grant$/, () => {
        control.grantAdminConsent();
        return done();
      }),
      at('PUT', /^\/_sim\/import-sessions\/lifetime$/, (_match, body) => {
        control.setImportSessionLifetime(Number(body['seconds']));
        return done();
      }),
      at('POST', /^\/_sim\/import-sessions\/expire$/, () => {
        control.expireImportSessions();
        return done();
      }),
      at('GET', /^\/_sim\/users\/([^/]+)\/mailbox-id$/, ([user]) =>
        json({ mailboxId: control.mailboxId(user as string) }),
      ),
      at('GET', /^\/_sim\/faults$/, () => json(control.faults())),
      at('PUT', /^\/_sim\/faults$/, (_match, body) => {
        control.setFaults(body as FaultSpec);
        return done();
      }),
    ];
  }

  async handle(method: string, path: string, query: URLSearchParams, rawBody: Buffer): Promise<GraphResponse> {
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (!match || route.method !== method) continue;
      try {
        const body = rawBody.length ? (JSON.parse(rawBody.toString('utf8')) as Body) : {};
        return await route.run(match.slice(1).map(decodeURIComponent), body, query);
      } catch (error) {
        if (error instanceof GraphError) throw error;
        return {
          status: 400,
          body: errorBody(
            'SimulatorControlError',
            error instanceof Error ? error.message : String(error),
            newRequestId(),
            undefined,
          ),
        };
      }
    }
    return {
      status: 404,
      body: errorBody('NotFound', `No control endpoint ${method} ${path}.`, newRequestId(), undefined),
    };
  }
}
