/** Build options for the cache tests: a default set, and one change of each option. */
import type { BuildOptions } from '../../src/model/options.js'

/** Options as resolved for a Linux container build with defaults. */
export const BASE: BuildOptions = {
  identifier: 'cp312-manylinux_x86_64',
  beforeAll: '',
  beforeBuild: '',
  beforeTest: '',
  repairCommand: 'auditwheel repair -w {dest_dir} {wheel}',
  repairIsDefault: true,
  testCommand: 'pytest',
  auditCommand: '',
  auditCommands: [],
  auditRequires: [],
  environment: '',
  environmentPass: [],
  testEnvironment: '',
  configSettings: [],
  frontend: { name: 'build', args: [] },
  testRequires: [],
  testExtras: '',
  testSources: [],
  containerEngine: { name: 'docker', createArgs: [], disableHostMount: false },
  image: 'manylinux_2_28',
  buildVerbosity: 0,
  dependencyVersions: 'pinned',
  dependencyConstraints: { kind: 'pinned' }
}

/**
 * One change of each option (with the options that are read together with
 * it), as a user's config would make it. Typed so that every field of
 * BuildOptions needs an entry.
 */
export const CHANGES: { [K in keyof BuildOptions]: Pick<BuildOptions, K> & Partial<BuildOptions> } =
  {
    identifier: { identifier: 'cp313-manylinux_x86_64' },
    beforeAll: { beforeAll: 'yum install -y zlib-devel' },
    beforeBuild: { beforeBuild: 'make generate' },
    beforeTest: { beforeTest: 'pip install numpy' },
    repairCommand: { repairCommand: '' },
    repairIsDefault: { repairIsDefault: false },
    testCommand: { testCommand: 'python -c "import spam"' },
    auditCommand: {
      auditCommand: 'abi3audit --strict {abi3_wheel}',
      auditCommands: ['abi3audit --strict {abi3_wheel}']
    },
    auditCommands: { auditCommands: ['abi3audit --strict {abi3_wheel}'] },
    auditRequires: { auditRequires: ['abi3audit==0.0.20'] },
    environment: { environment: 'CFLAGS=-O3' },
    environmentPass: { environmentPass: ['CC'] },
    testEnvironment: { testEnvironment: 'SPAM_TEST=1' },
    configSettings: { configSettings: ['--build-option=--no-cython'] },
    frontend: { frontend: { name: 'build', args: ['--no-isolation'] } },
    testRequires: { testRequires: ['pytest-xdist'] },
    testExtras: { testExtras: 'test' },
    testSources: { testSources: ['tests'] },
    containerEngine: {
      containerEngine: {
        name: 'docker',
        createArgs: ['--env', 'CFLAGS=-O0'],
        disableHostMount: false
      }
    },
    image: { image: 'manylinux_2_34' },
    buildVerbosity: { buildVerbosity: 2 },
    dependencyVersions: { dependencyVersions: 'latest', dependencyConstraints: { kind: 'latest' } },
    dependencyConstraints: {
      dependencyConstraints: { kind: 'packages', packages: ['setuptools==80.0.0'] }
    }
  }
