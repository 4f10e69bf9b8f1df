// Integration tests: the built services as processes against the real Postgres and NATS.
module.exports = {
  displayName: 'integration',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: require('./module-paths.cjs'),
  testTimeout: 180_000,
  maxWorkers: 1,
};
