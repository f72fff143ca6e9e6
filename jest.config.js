// Jest runs the TypeScript sources as native ES modules (see tsconfig.json).
const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
}

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  transform: tsTransform
}

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      // One test file per module, under the module's folder; scenario tests run as integration.
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/__tests__/integration/',
        '<rootDir>/__tests__/e2e/',
        '<rootDir>/__tests__/helpers/'
      ]
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/*.test.ts', '<rootDir>/__tests__/e2e/*.test.ts']
    }
  ],
  testTimeout: 600000
}
