// Figures for a generated tenant of 1,000 users x 1,000 messages (1,000,000 messages) and a 2 GiB file:
// start time, first use of a mailbox, $value throughput over HTTP, delta enumeration, streaming, memory.
// Run after `npx tsc -b tools/m365-simulator`: node --expose-gc tools/m365-simulator/bench/generated-tenant.mjs
import { startSimulator } from '../dist/index.js';

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const since = (start) => Number(process.hrtime.bigint() - start) / 1e6;

let start = process.hrtime.bigint();
const sim = await startSimulator({ generate: { users: 1000, messagesPerUser: 1000, filesPerUser: 200, seed: 7 } });
console.log(
  `start, 1,000 users x 1,000 messages: ${since(start).toFixed(0)} ms, rss ${mib(process.memoryUsage().rss)}`,
);

const form = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: sim.app.clientId,
  client_secret: sim.app.clientSecret,
  scope: 'https://graph.microsoft.com/.default',
});
const { access_token: token } = await (
  await fetch(`${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form })
).json();
const headers = { authorization: `Bearer ${token}` };
const users = sim.control.listUsers();

start = process.hrtime.bigint();
sim.control.listMailFolders(users[0].id);
console.log(`first use of one mailbox (1,000 message records): ${since(start).toFixed(1)} ms`);

start = process.hrtime.bigint();
let items = 0;
let pages = 0;
let next = `${sim.graphBaseUrl}/users/${users[1].id}/mailFolders/inbox/messages/delta?$select=subject,receivedDateTime`;
while (next) {
  const page = await (await fetch(next, { headers: { ...headers, prefer: 'odata.maxpagesize=500' } })).json();
  items += page.value.length;
  pages++;
  next = page['@odata.nextLink'];
}
console.log(`inbox delta enumeration: ${items} items in ${pages} pages, ${since(start).toFixed(0)} ms`);

const inbox = sim.control.listMessages(users[2].id, 'inbox');
start = process.hrtime.bigint();
let bytes = 0;
for (const message of inbox.slice(0, 300)) {
  bytes += (
    await (
      await fetch(`${sim.graphBaseUrl}/users/${users[2].id}/messages/${message.id}/$value`, { headers })
    ).arrayBuffer()
  ).byteLength;
}
const seconds = since(start) / 1000;
console.log(
  `$value, sequential: ${(300 / seconds).toFixed(0)} messages/s, ${mib(bytes / seconds)}/s, average ${(bytes / 300 / 1024).toFixed(0)} KiB`,
);

const driveId = users[0].driveId;
const itemId = sim.control.findDriveItem(driveId, 'Archivio video 2 GB.zip');
const redirect = await fetch(`${sim.graphBaseUrl}/drives/${driveId}/items/${itemId}/content`, {
  headers,
  redirect: 'manual',
});
start = process.hrtime.bigint();
const response = await fetch(redirect.headers.get('location'), {
  headers: { range: `bytes=0-${512 * 1024 * 1024 - 1}` },
});
let streamed = 0;
let peakRss = 0;
for await (const chunk of response.body) {
  streamed += chunk.byteLength;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
console.log(
  `first 512 MiB of the 2 GiB file streamed: ${mib(streamed / (since(start) / 1000))}/s, peak rss ${mib(peakRss)}`,
);

start = process.hrtime.bigint();
for (const user of users) sim.control.listMailFolders(user.id);
globalThis.gc?.();
console.log(
  `all 1,000 mailboxes built once (1,000,000 message records): ${since(start).toFixed(0)} ms, then rss ${mib(process.memoryUsage().rss)}, heap ${mib(process.memoryUsage().heapUsed)}${globalThis.gc ? ' after gc' : ' (run with --expose-gc for the retained heap)'}`,
);

await sim.stop();
