import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_PAGE_EXAMPLE, TITLE_SEPARATOR } from './conformance-title.js';
import { startSimulator } from './simulator.js';

interface JestAssertion {
  title: string;
  status: string;
  failureMessages: string[];
}

interface JestReport {
  testResults: Array<{ assertionResults: JestAssertion[] }>;
}

export interface ConformanceCount {
  endpoints: number;
  covered: number;
  uncovered: string[];
  examples: number;
  matched: number;
  withoutPageExample: number;
  failed: Array<{ endpoint: string; shows: string; page: string }>;
  /** Titles naming an endpoint the simulator does not have (a typo in a test). */
  unknownEndpoints: string[];
}

/** Counts endpoints covered and examples matched from jest's JSON report over the conformance tests. */
export function countConformance(endpoints: readonly string[], report: JestReport): ConformanceCount {
  const known = new Set(endpoints);
  const covered = new Set<string>();
  const unknownEndpoints = new Set<string>();
  const failed: ConformanceCount['failed'] = [];
  let examples = 0;
  let matched = 0;
  let withoutPageExample = 0;
  for (const assertion of report.testResults.flatMap((file) => file.assertionResults)) {
    const [endpoint = '', shows = '', page = '', marker] = assertion.title.split(TITLE_SEPARATOR);
    if (!known.has(endpoint)) {
      unknownEndpoints.add(endpoint);
      continue;
    }
    covered.add(endpoint);
    examples++;
    if (marker === NO_PAGE_EXAMPLE) withoutPageExample++;
    if (assertion.status === 'passed') matched++;
    else failed.push({ endpoint, shows, page });
  }
  return {
    endpoints: known.size,
    covered: covered.size,
    uncovered: [...known].filter((endpoint) => !covered.has(endpoint)),
    examples,
    matched,
    withoutPageExample,
    failed,
    unknownEndpoints: [...unknownEndpoints],
  };
}

function repositoryRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
}

async function runConformanceTests(outputFile: string): Promise<void> {
  const jest = join(dirname(createRequire(import.meta.url).resolve('jest/package.json')), 'bin/jest.js');
  const child = spawn(
    process.execPath,
    [
      '--experimental-vm-modules',
      jest,
      '--json',
      `--outputFile=${outputFile}`,
      'tools/m365-simulator/test/conformance',
    ],
    { cwd: repositoryRoot(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await new Promise<void>((done, fail) => {
    child.once('error', fail);
    child.once('exit', () => done());
  });
}

export function formatConformance(count: ConformanceCount): string {
  const lines = [
    `Conformance / conformità: ${count.covered} of ${count.endpoints} endpoints have a test replaying their documentation page`,
    `Examples matched / esempi conformi: ${count.matched} of ${count.examples} (${count.withoutPageExample} written from the page's text: it gives no example)`,
  ];
  for (const failure of count.failed) lines.push(`  FAILED ${failure.endpoint}: ${failure.shows} (${failure.page})`);
  if (count.uncovered.length > 0) lines.push(`Endpoints without a conformance test: ${count.uncovered.join(', ')}`);
  if (count.unknownEndpoints.length > 0)
    lines.push(`Tests naming an endpoint the simulator does not have: ${count.unknownEndpoints.join(', ')}`);
  return lines.join('\n');
}

/** `npm run simulator -- --conformance`: runs the conformance tests and prints their count; exit 1 if any failed. */
export async function reportConformance(): Promise<number> {
  const sim = await startSimulator();
  const endpoints = sim.endpoints;
  await sim.stop();
  const directory = await mkdtemp(join(tmpdir(), 'custodia-conformance-'));
  try {
    const outputFile = join(directory, 'report.json');
    await runConformanceTests(outputFile);
    const report = JSON.parse(await readFile(outputFile, 'utf8')) as JestReport;
    const count = countConformance(endpoints, report);
    console.log(formatConformance(count));
    return count.failed.length > 0 || count.unknownEndpoints.length > 0 ? 1 : 0;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
