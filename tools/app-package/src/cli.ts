import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, buildAppPackage } from './build-package.js';
import { writeIcons } from './draw-icons.js';
import { manifestVersion } from './manifest-schema.js';
import { MissingValuesError } from './placeholders.js';

const usage = `Usage: npm run package:app -- [environment] [--root <dir>]
       npm run package:app -- --draw-icons

Builds appPackage/build/appPackage.<environment>.zip (environment "dev" by default) from appPackage/ and
env/.env.<environment>; a variable set in the process environment wins over the file. --draw-icons redraws the
committed icons.`;

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
  const built = await buildAppPackage({ root, environment: positionals[0] ?? 'dev', overrides: process.env });
  console.log(`${built.zipPath}: ${built.entries.join(', ')} (manifest valid against schema v${manifestVersion})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppPackageError || error instanceof MissingValuesError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  },
);
