export { startApp, type RunningApp } from './app.js';
export { loadConfig, type AppConfig } from './config.js';
export { ConfigError } from './config-error.js';
export { createLogger } from './logger.js';
