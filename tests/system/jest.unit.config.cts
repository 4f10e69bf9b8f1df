// Checks of the repository's deployment files; no services needed.
module.exports = {
  displayName: 'system-unit',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: require('./module-paths.cjs'),
};
