import tseslint from 'typescript-eslint';

/**
 * Collections a module owns, by module (a backend folder, the bot, or backend/src/events.ts): only that module's own
 * files may import them; everyone else calls the module's service (issue 16).
 */
export const ownedCollections = {
  restore: ['restoreRequestsCollection', 'restoreItemsCollection', 'exportsCollection'],
  'portal-users': ['portalUsers'],
  settings: ['tenantSettings', 'notificationRecipients'],
  support: ['supportTickets'],
  licences: ['tenantLicences'],
  tenants: ['tenantRecords', 'outboxLetters'],
  reports: ['usageSnapshots'],
  audit: ['activityEntries', 'activityHeads'],
  bot: ['botConversations', 'alertCollections', 'approvalCollections'],
  backup: ['backupJobsCollection', 'runsCollection', 'runUnitsCollection', 'jobCoverage'],
  events: ['eventsCollection'],
  store: ['storeBlobs', 'storeOrphanPacks'],
  graph: ['graphBudgetTickets', 'graphBudgetPauses'],
  auth: ['providerOperators'],
  'run-end': ['eventClaims', 'consumerCursors'],
  catalog: [
    'resourcesCollection',
    'itemVersionsCollection',
    'foldersCollection',
    'deltaCursorsCollection',
    'dateBucketsCollection',
  ],
};

/** Where a module's own files are: a backend module's folder, the bot's sources, or `backend/src/events.ts`. */
const ownFiles = { bot: 'bot/src/**/*.ts', events: 'backend/src/events.ts' };
const ownFilesOf = (module) => ownFiles[module] ?? `backend/src/${module}/**/*.ts`;

/** Product source: tests and tools may seed fixtures through any collection. */
const productSource = ['backend/src/**/*.ts', 'bot/src/**/*.ts', 'teams-app/src/**/*.ts', 'tab/src/**/*.{ts,tsx}'];

function collectionRestrictions(...except) {
  const patterns = Object.entries(ownedCollections)
    .filter(([module]) => !except.includes(module))
    .map(([module, importNames]) => ({
      regex: `(^|/)${module}(\\.js)?(/|$)`,
      importNames,
      message: `${module} owns this collection: call its service instead.`,
    }));
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', '.devdb-bin/**', 'tab/screenshots/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: productSource, rules: collectionRestrictions() },
  ...Object.keys(ownedCollections).map((module) => ({
    files: [ownFilesOf(module)],
    rules: collectionRestrictions(module),
  })),
);
