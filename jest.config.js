/** One embedded PostgreSQL per run (globalSetup); each test file makes its own databases. */
module.exports = {
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/common/test/**/*.test.ts',
    '<rootDir>/subgraphs/*/test/**/*.test.ts',
    '<rootDir>/gateway/test/**/*.test.ts',
    '<rootDir>/tests/**/*.test.ts',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleNameMapper: {
    '^@jiuye/common$': '<rootDir>/common/src/index.ts',
    '^@jiuye/(hr|poverty|civil|training|partner|situation)$': '<rootDir>/subgraphs/$1/src/index.ts',
    '^@jiuye/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@jiuye/devtools$': '<rootDir>/devtools/src/index.ts',
  },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
