import tseslint from 'typescript-eslint';

/**
 * Collections a backend module owns, by module folder: only that module's own files may import them; everyone else
 * calls the module's service (issue 16). Modules not listed here still share their collections (catalog, backup,
 * tenants, items, jobs-api: converted later).
 */
export const ownedCollections = {
  restore: ['restoreRequestsCollection', 'restoreItemsCollection', 'exportsCollection'],
  'portal-users': ['portalUsers'],
  settings: ['tenantSettings', 'notificationRecipients'],
  support: ['supportTickets'],
  licences: ['tenantLicences'],
  reports: ['usageSnapshots'],
  audit: ['activityEntries', 'activityHeads'],
};

/** Product source: tests and tools may seed fixtures through any collection. */
const productSource = ['backend/src/**/*.ts', 'bot/src/**/*.ts', 'teams-app/src/**/*.ts', 'tab/src/**/*.{ts,tsx}'];

function collectionRestrictions(except) {
  const patterns = Object.entries(ownedCollections)
    .filter(([module]) => module !== except)
    .map(([module, importNames]) => ({
      regex: `(^|/)${module}(/|$)`,
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
  { files: productSource, rules: collectionRestrictions(null) },
  ...Object.keys(ownedCollections).map((module) => ({
    files: [`backend/src/${module}/**/*.ts`],
    rules: collectionRestrictions(module),
  })),
);
