/** Unit tests sit beside the code; integration and end-to-end suites live in test/ and use the real stack. */
/** Packages published as ES modules only (the BPMN libraries): compiled to CommonJS for jest, as Node's own require does. */
const esmOnly = ['bpmn-moddle', 'moddle', 'moddle-xml', 'min-dash', 'saxen'].join('|');
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  [`/node_modules/(${esmOnly})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly})/)`];
const moduleNameMapper = {
  '^@sagsflow/temporal/shared$': '<rootDir>/libs/temporal/src/shared',
  '^@sagsflow/(casework|config|domain|persistence|process-diagrams|temporal)$': '<rootDir>/libs/$1/src',
};
const common = { transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  // Two suites at a time, each on a slice of its own (database, namespace, task queue, or for the
  // faults a whole stack): suites wait on servers much of the time, so two keep a 2-core machine busy.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,tools}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'workflows',
      testMatch: ['<rootDir>/workflows/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/time-skipping-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-runtime.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-runtime.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-runtime.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      // Each suite starts servers of its own (./test/support/fault-stack.ts) and breaks only those.
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
  ],
};
