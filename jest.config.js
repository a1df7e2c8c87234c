// Jest 30, ESM (run with --experimental-vm-modules via scripts/test.mjs), TypeScript through @swc/jest.
// Type checking is `npm run typecheck` (part of `npm test`).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2023',
          experimental: { keepImportAttributes: true },
        },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A safety net against hangs, not a speed assertion: generous, so a loaded CI machine does not fail a slow but
  // correct test (tests that depend on time keep their own wide margins).
  testTimeout: 180000,
  maxWorkers: 2,
};
