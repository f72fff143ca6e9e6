// Jest runs the TypeScript sources as native ES modules (see tsconfig.json).
//
// Four lanes, each a project with its own timeout; scripts/test.sh runs them fastest first:
// - unit: one test file per module, in-process, no tool of the test environment; seconds per test.
// - cli: the bundled CLI and action run on this host (host builds, the tools venv).
// - container: builds in podman containers of the test images.
// - emulated: arm64 containers under QEMU.
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

const SCENARIOS = ['<rootDir>/__tests__/integration/*.test.ts', '<rootDir>/__tests__/e2e/*.test.ts']

// Scenario files that start containers; every other scenario file runs in the cli lane.
const CONTAINER = [
  'e2e/compiler-cache',
  'e2e/container-build',
  'e2e/container-dropin',
  'e2e/container-mode',
  'e2e/container-multi',
  'e2e/option-effects',
  'integration/exit-codes-oracle'
]
const EMULATED = ['e2e/emulated']

const files = names => names.map(name => `<rootDir>/__tests__/${name}.test.ts`)
const escaped = names => names.map(name => `<rootDir>/__tests__/${name}\\.test\\.ts$`)

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/__tests__/integration/',
        '<rootDir>/__tests__/e2e/',
        '<rootDir>/__tests__/helpers/'
      ],
      globalSetup: '<rootDir>/__tests__/helpers/unit-setup.ts'
    },
    {
      ...common,
      displayName: 'cli',
      testMatch: SCENARIOS,
      testPathIgnorePatterns: ['/node_modules/', ...escaped([...CONTAINER, ...EMULATED])],
      setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/timeouts/cli.ts']
    },
    {
      ...common,
      displayName: 'container',
      testMatch: files(CONTAINER),
      setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/timeouts/container.ts']
    },
    {
      ...common,
      displayName: 'emulated',
      testMatch: files(EMULATED),
      setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/timeouts/emulated.ts']
    }
  ],
  // Per test, for the unit lane; jest reads testTimeout only here, so the slower lanes
  // raise it in their setup file (helpers/timeouts/).
  testTimeout: 10_000
}
