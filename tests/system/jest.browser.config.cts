// Browser tests: Debian's Chromium driven by playwright-core against the running system.
module.exports = {
  displayName: 'browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.browser-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: require('./module-paths.cjs'),
  testTimeout: 180_000,
  maxWorkers: 1,
};
