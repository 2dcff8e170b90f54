import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { developmentEnvironment, developmentValues } from './development-values.js';
import { readEnvFile } from './env-file.js';
import { iconProblems } from './icon-rules.js';
import { schemaProblems, type SchemaName } from './manifest-schema.js';
import { escapeForJsonString, fillPlaceholders } from './placeholders.js';
import { writeZip, type ZipEntry } from './zip.js';

export interface BuildAppPackageOptions {
  /** The repository root, holding `appPackage/` and `env/`. */
  root: string;
  /** `dev`, `local`…: reads `env/.env.<environment>`, writes `appPackage/build/appPackage.<environment>.zip`. */
  environment: string;
  /** Values that win over the environment file (the process environment, as in the toolkit and CI). */
  overrides?: Readonly<Record<string, string | undefined>>;
}

export interface BuiltAppPackage {
  zipPath: string;
  /** The filled manifest, as zipped. */
  manifest: Manifest;
  /** The names in the ZIP, in order. */
  entries: string[];
  /** The names filled with a development value because nothing configured them (environment `local` only). */
  developmentValuesUsed: string[];
}

/** The parts of the manifest the build reads; the schema checks the rest. */
export interface Manifest {
  icons: { color: string; outline: string };
  localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
  [property: string]: unknown;
}

export class AppPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The app package is not valid / Il pacchetto dell'app non è valido:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'AppPackageError';
  }
}

/** An empty suffix is how the production environment names the app plain "Custodia". */
const mayBeEmpty = new Set(['APP_NAME_SUFFIX']);

/**
 * Builds the Teams and Outlook app package for one environment: fills `${{NAME}}` placeholders of the manifest and
 * its localization files, validates them against Microsoft's schema, checks the icons, and zips the result. Every
 * problem is reported at once; nothing is written unless all is well. For the `local` environment, an id or address
 * nothing configures yet takes its development value (`development-values.ts`), so the package builds offline.
 */
export async function buildAppPackage({
  root,
  environment,
  overrides = {},
}: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const envPath = join(root, 'env', `.env.${environment}`);
  const fromFile = await readEnvFile(envPath).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new AppPackageError([`${envPath} does not exist / non esiste`]) : error;
  });
  const packageDir = join(root, 'appPackage');
  const values: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) values[name] = value;
  const developmentValuesUsed =
    environment === developmentEnvironment ? Object.keys(developmentValues).filter((name) => !values[name]) : [];
  for (const name of developmentValuesUsed) values[name] = developmentValues[name]?.value;
  const fill = async (file: string): Promise<string> => {
    const template = await readFile(join(packageDir, file), 'utf8');
    return fillPlaceholders(template, values, { mayBeEmpty, escape: escapeForJsonString });
  };
  const problems: string[] = [];
  const validated = (file: string, text: string, schema: SchemaName): unknown => {
    const document: unknown = JSON.parse(text);
    problems.push(...schemaProblems(document, schema).map((p) => `${file} ${p.path}: ${p.message}`));
    return document;
  };

  const manifestText = await fill('manifest.json');
  const manifest = validated('manifest.json', manifestText, 'MicrosoftTeams.schema.json') as Manifest;
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(manifestText) }];

  const languageFiles = [
    manifest.localizationInfo?.defaultLanguageFile,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
  ].filter((file): file is string => file !== undefined);
  for (const file of languageFiles) {
    const text = await fill(file);
    validated(file, text, 'MicrosoftTeams.Localization.schema.json');
    entries.push({ name: file, data: Buffer.from(text) });
  }

  for (const kind of ['color', 'outline'] as const) {
    const file = manifest.icons[kind];
    const png = await readFile(join(packageDir, file));
    problems.push(...iconProblems(kind, png));
    entries.push({ name: file, data: png });
  }

  if (problems.length > 0) throw new AppPackageError(problems);
  const zipPath = join(packageDir, 'build', `appPackage.${environment}.zip`);
  await writeZip(zipPath, entries);
  return { zipPath, manifest, entries: entries.map((entry) => entry.name), developmentValuesUsed };
}
