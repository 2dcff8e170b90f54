export { startDevDb, ensureDevDbBinary, type DevDb, type DevDbOptions } from './launcher.js';
export { freeLoopbackPort } from './free-port.js';
