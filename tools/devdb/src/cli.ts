import { startDevDb } from './launcher.js';

/** `npm run devdb`: runs the embedded database in the foreground until Ctrl-C. */
const db = await startDevDb({
  port: process.env.DEVDB_PORT ? Number(process.env.DEVDB_PORT) : 27017,
  onProgress: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`devdb: MongoDB wire protocol on ${db.uri} (data in ${db.dataDir})\n`);
const stop = (): void => {
  void db.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
