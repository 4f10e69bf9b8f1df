// The fault suite: load while services, NATS and Postgres fail, then an audit of what was written.
module.exports = {
  displayName: 'faults',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.fault-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: require('./module-paths.cjs'),
  testTimeout: 900_000,
  maxWorkers: 1,
};
