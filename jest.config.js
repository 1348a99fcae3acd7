// Jest runs the TypeScript sources as native ES modules (like actions/typescript-action),
// because @actions/core is published as ESM only.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFiles: ['<rootDir>/__tests__/harness/net-guard-setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/__tests__/harness/guard-after-each.ts'],
  globalSetup: '<rootDir>/__tests__/harness/global-setup.ts',
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/__tests__/harness/closing-line-reporter.cjs'],
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'lcov']
}
