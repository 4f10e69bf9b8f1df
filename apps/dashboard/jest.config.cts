// Unit tests of the dashboard's plain TypeScript (parsing, derivations); pages are tested in Chromium (tests/system).
module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // The browser build is ESM; under Node the same library's CommonJS build serves.
  moduleNameMapper: { '^csv-stringify/browser/esm/sync$': 'csv-stringify/sync' },
  coverageDirectory: '../../coverage/apps/dashboard',
};
