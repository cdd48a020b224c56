/** One embedded PostgreSQL per run (globalSetup); each test file makes its own databases. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/common/test/**/*.test.ts', '<rootDir>/subgraphs/*/test/**/*.test.ts', '<rootDir>/gateway/test/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleNameMapper: {
    '^@jiuye/common$': '<rootDir>/common/src/index.ts',
    '^@jiuye/(hr|poverty|civil|training|partner|situation)$': '<rootDir>/subgraphs/$1/src/index.ts',
    '^@jiuye/gateway$': '<rootDir>/gateway/src/index.ts',
    // The gateway's engine-neutral duties (@jiuye/gateway/duties), as the Hive plugin imports them.
    '^@jiuye/gateway/(.*)$': '<rootDir>/gateway/src/$1',
    '^@jiuye/hive-plugin$': '<rootDir>/hive-plugin/src/index.ts',
    '^@jiuye/devtools$': '<rootDir>/devtools/src/index.ts',
    // Declared subpaths (package.json "exports"): @jiuye/devtools/database-roles, @jiuye/situation/read-model.
    '^@jiuye/devtools/(.*)$': '<rootDir>/devtools/src/$1',
    '^@jiuye/situation/(.*)$': '<rootDir>/subgraphs/situation/src/$1',
    // The test harness, one module per subpath (@jiuye/testing/harness, …/platform): a unit test
    // that needs the harness does not load the gateway and every subgraph with the platform.
    '^@jiuye/testing/(.*)$': '<rootDir>/testing/src/$1',
    // The web's framework-free modules that tests run in Node too (web/src/auth/oidc.ts: the sign-in's PKCE, state and nonce).
    '^@jiuye/web/(.*)$': '<rootDir>/web/src/$1',
  },
  globalSetup: '<rootDir>/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/testing/src/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
  // A worker is replaced once its heap passes this after a file: what test files leave behind
  // (module registries held by a library's globals, servers' caches) grew a worker's heap past
  // 2 GB by the 60th file and to Node's 4 GB limit in CI ("Jest worker ran out of memory").
  workerIdleMemoryLimit: '1500MB',
  reporters: ['default', '<rootDir>/testing/src/summary-reporter.js'],
};
