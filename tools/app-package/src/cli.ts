import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, buildAppPackage } from './build-package.js';
import { developmentEnvironment, developmentValues, realValueSources } from './development-values.js';
import { writeIcons } from './draw-icons.js';
import { manifestVersion } from './manifest-schema.js';
import { MissingValuesError } from './placeholders.js';

const usage = `Usage: npm run package:app -- [environment] [--root <dir>]
       npm run package:app -- --draw-icons

Builds appPackage/build/appPackage.<environment>.zip (environment "${developmentEnvironment}" by default) from
appPackage/ and env/.env.<environment>; a variable set in the process environment wins over the file. For
"${developmentEnvironment}", ids and addresses not configured yet take development values, named in the output.
--draw-icons redraws the committed icons.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      root: { type: 'string', default: process.cwd() },
      'draw-icons': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length > 1) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const root = resolve(values.root);
  if (values['draw-icons']) {
    for (const path of await writeIcons(root)) console.log(`drew ${path}`);
    return 0;
  }
  const environment = positionals[0] ?? developmentEnvironment;
  const built = await buildAppPackage({ root, environment, overrides: process.env });
  console.log(`${built.zipPath}: ${built.entries.join(', ')} (manifest valid against schema v${manifestVersion})`);
  if (built.developmentValuesUsed.length > 0) {
    console.log(
      'Built with development values, to check the package; Teams needs the real ones / ' +
        'Creato con valori di sviluppo, per verificare il pacchetto; Teams richiede quelli reali:',
    );
    for (const name of built.developmentValuesUsed) {
      const standIn = developmentValues[name];
      if (standIn) console.log(`  ${name}=${standIn.value}: ${realValueSources[standIn.filledBy]}`);
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppPackageError || error instanceof MissingValuesError) {
      console.error(error.message);
      if (error instanceof MissingValuesError) {
        console.error(
          `Offline, \`npm run package:app -- ${developmentEnvironment}\` builds the package with development values / ` +
            `Senza provision, \`npm run package:app -- ${developmentEnvironment}\` crea il pacchetto con valori di sviluppo`,
        );
      }
      process.exit(1);
    }
    throw error;
  },
);
