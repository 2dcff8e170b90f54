export { mountBot, type MountBotOptions, type MountedBot } from './mount.js';
export type { PortalDeepLink } from './portal-links.js';
export type { ApprovalServices, BotBackend, DurableConsumers, ProductReads } from './services.js';
export { openBotStores, type BotStores } from './bot-stores.js';
export { refusedActivityText } from './botbuilder-authentication.js';
