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
      testMatch: ['<rootDir>/__tests__/*.test.ts']
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/*.test.ts', '<rootDir>/__tests__/e2e/*.test.ts']
    }
  ],
  testTimeout: 600000
}
