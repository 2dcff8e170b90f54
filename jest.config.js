/** Every workspace's tests, in ESM, transformed by SWC. Tests run against real components started by globalSetup. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@custodia/(devdb|m365-simulator)$': '<rootDir>/tools/$1/src/index.ts',
    '^@custodia/(devdb|m365-simulator)/(.*)$': '<rootDir>/tools/$1/src/$2',
    '^@custodia/(backend|bot|teams-app)$': '<rootDir>/$1/src/index.ts',
    '^@custodia/(backend|bot|teams-app)/(.*)$': '<rootDir>/$1/src/$2',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{backend,bot,tab,teams-app,tools/*}/test/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test-support/global-setup.js',
  globalTeardown: '<rootDir>/test-support/global-teardown.js',
  reporters: ['default', '<rootDir>/test-support/plain-summary-reporter.js'],
  testTimeout: 60000,
  // Agenda 6 keeps a liveness timer sleeping for half a job's lock lifetime after the job ends (up to five
  // minutes), which drain() cannot cancel; every test stops its servers, but that timer would hold the run open.
  forceExit: true,
};
