export { startDevDb, ensureDevDbBinary, type DevDb, type DevDbOptions } from './launcher.js';
export { buildFerretDb, type BuildProgress } from './build-ferretdb.js';
export { freeLoopbackPort } from './free-port.js';
