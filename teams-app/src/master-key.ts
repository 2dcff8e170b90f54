import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

/**
 * The master key that wraps every tenant's data key. Production passes CUSTODIA_MASTER_KEY (from
 * Key Vault); a development install keeps one in `dataDir/master.key`, created on first start.
 */
export function resolveMasterKey(configured: Buffer | undefined, dataDir: string, logger: Logger): Buffer {
  if (configured) return configured;
  const path = join(dataDir, 'master.key');
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  logger.warn({ path }, 'created a development master key; set CUSTODIA_MASTER_KEY in production');
  return key;
}
