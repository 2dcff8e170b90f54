import type { MessageKey } from '../i18n/messages.js';

/** The portal's pages, grouped the way an administrator works: protect, restore, watch, administer, get help. */
export const sectionGroups = [
  { id: 'protection', sections: ['overview', 'setup', 'items'] },
  { id: 'restore', sections: ['restore', 'restores', 'approvals'] },
  { id: 'monitoring', sections: ['jobLog', 'reports', 'licence', 'activity'] },
  { id: 'administration', sections: ['portalUsers', 'settings'] },
  { id: 'help', sections: ['knowledge', 'support'] },
] as const;

export type SectionGroup = (typeof sectionGroups)[number];
export type Section = SectionGroup['sections'][number];

export const sectionLabels: Record<Section, MessageKey> = {
  overview: 'tabOverview',
  setup: 'tabSetup',
  items: 'tabItems',
  restore: 'tabRestore',
  restores: 'tabRestores',
  approvals: 'tabApprovals',
  licence: 'tabLicence',
  reports: 'tabReports',
  jobLog: 'tabJobLog',
  portalUsers: 'tabPortalUsers',
  settings: 'tabSettings',
  activity: 'tabActivity',
  knowledge: 'tabKnowledge',
  support: 'tabSupport',
};
