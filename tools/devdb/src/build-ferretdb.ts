import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BuildProgress {
  /** Told in plain sentences that the build starts, how far it is every `progressEveryMs`, and that it ended. */
  onProgress?: (line: string) => void;
  /** 15 s unless told. */
  progressEveryMs?: number;
}

const elapsedSince = (started: number): string => {
  const seconds = Math.round((Date.now() - started) / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};

/** Runs `go <args>`, handing each stderr line to `onStderrLine`; answers with stdout's lines, or throws with Go's last words. */
async function runGo(args: string[], cwd: string, onStderrLine: (line: string) => void): Promise<string[]> {
  const go = spawn('go', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const lastLines: string[] = [];
  createInterface({ input: go.stdout }).on('line', (line) => stdout.push(line));
  createInterface({ input: go.stderr }).on('line', (line) => {
    onStderrLine(line);
    lastLines.push(line);
    if (lastLines.length > 60) lastLines.shift();
  });
  const outcome = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    go.once('error', (error) => resolve({ code: null, error }));
    go.once('close', (code) => resolve({ code }));
  });
  if (outcome.error || outcome.code !== 0) {
    throw new Error(
      `devdb: building FerretDB with Go failed (is Go on the PATH?):\n${outcome.error?.message ?? lastLines.join('\n')}`,
    );
  }
  return stdout;
}

/**
 * Builds the devdb sources into `output`. `go list -deps` first fetches the modules (Go names each one it downloads,
 * `go: downloading …`) and counts the packages; then `go build -v` names each package it compiles. Both counts are the
 * progress reported.
 */
export async function buildFerretDb(
  sourceDir: string,
  output: string,
  { onProgress = () => undefined, progressEveryMs = 15_000 }: BuildProgress = {},
): Promise<void> {
  const started = Date.now();
  const counts = { modules: 0, packages: 0, total: 0 };
  const countLine = (line: string): void => {
    if (line.startsWith('go: downloading ')) counts.modules += 1;
    else counts.packages += 1;
  };
  onProgress(
    'devdb: building the embedded database (FerretDB) with Go, once; this takes a few minutes / ' +
      'compilazione del database integrato (FerretDB) con Go, una volta sola: alcuni minuti',
  );
  const timer = setInterval(() => {
    const elapsed = elapsedSince(started);
    const { modules, packages, total } = counts;
    onProgress(
      total === 0
        ? `devdb: ${modules} Go modules downloaded, ${elapsed} / ${modules} moduli Go scaricati, ${elapsed}`
        : `devdb: ${packages} of ${total} packages compiled, ${elapsed} / ${packages} di ${total} pacchetti compilati, ${elapsed}`,
    );
  }, progressEveryMs);
  try {
    counts.total = (await runGo(['list', '-deps', '.'], sourceDir, countLine)).length;
    await runGo(['build', '-v', '-o', output, '.'], sourceDir, countLine);
  } finally {
    clearInterval(timer);
  }
  const elapsed = elapsedSince(started);
  onProgress(`devdb: FerretDB built in ${elapsed} / FerretDB compilato in ${elapsed}`);
}
