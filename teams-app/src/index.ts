export { startApp, type RunningApp } from './app.js';
export { loadConfig, ConfigError, type AppConfig } from './config.js';
export { createLogger } from './logger.js';
