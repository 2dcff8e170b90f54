import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../teams-app/dist/main.js', import.meta.url));

/** The plain line `npm start` prints once it serves (teams-app/src/ready-line.ts), on the simulator. */
export const readyPattern =
  /^Custodia is ready: open (http:\/\/127\.0\.0\.1:\d+)\/tab and sign in as (.+) \((\S+)\), the demo tenant's administrator \/ Custodia è pronto: aprire \1\/tab e accedere come \2 \(\3\), amministratore del tenant demo$/;

export interface StartedProduct {
  readonly process: ChildProcess;
  /** The ready line: [line, address, administrator's name, administrator's email]. */
  readonly ready: RegExpExecArray;
  /** Every stdout line up to the ready line. */
  readonly lines: string[];
  /** SIGTERM, and waits for the process to end. */
  stop(): Promise<void>;
}

/**
 * The product started as `npm start` starts it, `node teams-app/dist/main.js` with two malloc arenas and nothing
 * configured but free ports and `DATA_DIR` (so the embedded database and the simulator's demo tenant), resolved once it
 * prints its ready line.
 */
export async function startLikeNpmStart(
  dataDir: string,
  environment: Readonly<Record<string, string>> = {},
): Promise<StartedProduct> {
  const product = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      MALLOC_ARENA_MAX: '2',
      PORT: '0',
      SIMULATOR_PORT: '0',
      DATA_DIR: dataDir,
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  product.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines: string[] = [];
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ready line in 150 s:\n${lines.join('\n')}\n${stderr}`)),
      150_000,
    );
    product.once('exit', (code) => reject(new Error(`exited with ${code}:\n${lines.join('\n')}\n${stderr}`)));
    createInterface({ input: product.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = readyPattern.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
  return {
    process: product,
    ready,
    lines,
    async stop() {
      if (product.exitCode !== null || product.signalCode !== null) return;
      const exited = new Promise((resolve) => product.once('exit', resolve));
      product.kill('SIGTERM');
      await exited;
    },
  };
}
