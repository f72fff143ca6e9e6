/** Wheel cache keys: every part of the key changes it, test options do not. */
import { describe, expect, test } from '@jest/globals'
import { wheelCacheKey, type KeyParts } from '../../src/cache/keys.js'
import type { BuildOptions } from '../../src/model/options.js'

const options: BuildOptions = {
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

const base: KeyParts = {
  sources: 'a'.repeat(64),
  identifier: 'cp312-manylinux_x86_64',
  options,
  toolchain: 'image:sha256:1234',
  env: { CC: 'gcc' },
  version: '0.1.0'
}

describe('wheel cache key', () => {
  const key = wheelCacheKey(base)
  test.each([
    ['sources', { sources: 'b'.repeat(64) }],
    ['identifier', { identifier: 'cp313-manylinux_x86_64' }],
    ['image digest', { toolchain: 'image:sha256:5678' }],
    ['interpreter', { toolchain: 'python:/usr/bin/python3.12@3.12.4' }],
    ['wheelwright version', { version: '0.2.0' }],
    ['CC', { env: { CC: 'clang' } }],
    ['CFLAGS', { env: { ...base.env, CFLAGS: '-O3' } }],
    ['before-build', { options: { ...options, beforeBuild: 'make' } }],
    ['repair command', { options: { ...options, repairCommand: '' } }],
    ['environment', { options: { ...options, environment: 'A=1' } }],
    ['config-settings', { options: { ...options, configSettings: ['x=1'] } }],
    ['frontend', { options: { ...options, frontend: { name: 'pip' as const, args: [] } } }],
    ['image option', { options: { ...options, image: 'manylinux_2_34' } }],
    ['tool pins (dependency-versions)', { constraints: 'build==1.0\n' }]
  ])('changes with %s', (_name, change) => {
    expect(wheelCacheKey({ ...base, ...change })).not.toBe(key)
  })

  test.each([
    ['test-command', { options: { ...options, testCommand: 'python -c 1' } }],
    ['test-requires', { options: { ...options, testRequires: ['pytest'] } }]
  ])('does not change with %s (tests still run on a hit)', (_name, change) => {
    expect(wheelCacheKey({ ...base, ...change })).toBe(key)
  })
})
