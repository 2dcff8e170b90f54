import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The message open in Outlook's reading pane, as Office.js describes it. */
export interface OpenMessage {
  subject: string;
  conversationId: string;
  internetMessageId: string;
}

interface OutlookSurface {
  displayLanguage: string;
  item: OpenMessage;
}

/** Runs in a plain Node process: office-addin-mock loads ES modules through require, which jest cannot give it. */
const readThroughMock = `
const { OfficeMockObject } = require('office-addin-mock');
const data = JSON.parse(process.argv[1]);
const office = new OfficeMockObject({
  host: 'outlook',
  context: { displayLanguage: data.displayLanguage, mailbox: { item: data.message } },
});
const item = office.context.mailbox.item;
process.stdout.write(JSON.stringify({
  displayLanguage: office.context.displayLanguage,
  item: { subject: item.subject, conversationId: item.conversationId, internetMessageId: item.internetMessageId },
}));
`;

/**
 * Office.js at its boundary: `office-addin-mock` builds the Outlook object model (host, display language, the open
 * message) and the values are read back through the mock's own surface. The mock is a Node (CommonJS) library that
 * cannot run inside the page, so what it gives is handed to a small script exposing the same surface
 * (`Office.onReady`, `Office.context.mailbox.item`) before the app loads.
 */
export function officeSurface(displayLanguage: string, message: OpenMessage): OutlookSurface {
  const output = execFileSync(process.execPath, ['-e', readThroughMock, JSON.stringify({ displayLanguage, message })], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    encoding: 'utf8',
  });
  return JSON.parse(output) as OutlookSurface;
}

/**
 * An init script giving the page Outlook's surface: Office.js as the mock describes it, and Outlook's nested app
 * authentication bridge (the broker MSAL talks to), which answers with `token` for the signed-in person.
 */
export function outlookInitScript(surface: OutlookSurface, token: string, user: { id: string; upn: string }): string {
  const setup = (data: { surface: OutlookSurface; token: string; user: { id: string; upn: string } }) => {
    const office = {
      onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
      context: { displayLanguage: data.surface.displayLanguage, mailbox: { item: data.surface.item } },
    };
    const listeners: Array<(message: string) => void> = [];
    const claims = JSON.parse(atob((data.token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as {
      tid: string;
    };
    const account = {
      homeAccountId: `${data.user.id}.${claims.tid}`,
      environment: 'login.microsoftonline.com',
      tenantId: claims.tid,
      username: data.user.upn,
      localAccountId: data.user.id,
      name: data.user.upn,
    };
    const answer = (request: { requestId: string; method: string }) => {
      const common = { messageType: 'NestedAppAuthResponse', requestId: request.requestId, success: true };
      const body =
        request.method === 'GetInitContext'
          ? { initContext: { sdkName: 'outlook-test-host', sdkVersion: '1.0', capabilities: {}, accountContext: {} } }
          : {
              token: { access_token: data.token, id_token: data.token, expires_in: 3600, properties: null },
              account,
            };
      (window as unknown as { naaRequests: string[] }).naaRequests.push(request.method);
      for (const listener of listeners) listener(JSON.stringify(Object.assign({}, common, body)));
    };
    Object.assign(window, {
      Office: office,
      naaRequests: [],
      nestedAppAuthBridge: {
        addEventListener: (_type: string, listener: (message: string) => void) => listeners.push(listener),
        removeEventListener: () => undefined,
        postMessage: (message: string) => setTimeout(() => answer(JSON.parse(message)), 0),
      },
    });
  };
  return `(${setup.toString()})(${JSON.stringify({ surface, token, user })});`;
}
