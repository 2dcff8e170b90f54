export { mountBot, type MountBotOptions, type MountedBot } from './mount.js';
export type { PortalDeepLink } from './portal-links.js';
export type { ApprovalServices } from './services.js';
export { refusedActivityText } from './botbuilder-authentication.js';
