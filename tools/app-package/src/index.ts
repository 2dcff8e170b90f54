export {
  AppPackageError,
  buildAppPackage,
  type BuildAppPackageOptions,
  type BuiltAppPackage,
  type Manifest,
} from './build-package.js';
export { drawnIcons, ribbonIconSizes, writeIcons } from './draw-icons.js';
export { parseEnvFile, readEnvFile } from './env-file.js';
export { iconProblems, iconSizes } from './icon-rules.js';
export { manifestVersion, officialSchema, schemaProblems, type SchemaProblem } from './manifest-schema.js';
export { decodePng, encodePng, readPngHeader, type PngHeader, type RgbaImage } from './png.js';
export { fillPlaceholders, MissingValuesError, placeholderNames } from './placeholders.js';
export {
  developmentEnvironment,
  developmentValues,
  realValueSources,
  type DevelopmentValue,
  type RealValueSource,
} from './development-values.js';
