/** Wheel cache keys: every part of the key changes it; the local store round-trips. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { wheelCacheKey, type KeyParts } from '../src/cache/keys.js'
import { buildVariables } from '../src/cache/compute.js'
import { sourceDigest } from '../src/cache/sources.js'
import { LocalWheelStore } from '../src/cache/store.js'
import { coreBudgetEnv } from '../src/steps/pipeline.js'
import { coreShare } from '../src/platforms/shared.js'
import type { BuildOptions } from '../src/options/types.js'
import { tempDir, writeTree } from './helpers/tools.js'

const options: BuildOptions = {
  identifier: 'cp312-manylinux_x86_64',
  beforeAll: '',
  beforeBuild: '',
  beforeTest: '',
  repairCommand: 'auditwheel repair -w {dest_dir} {wheel}',
  testCommand: 'pytest',
  auditCommand: '',
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
  dependencyVersions: 'pinned'
}

const base: KeyParts = {
  sources: 'a'.repeat(64),
  identifier: 'cp312-manylinux_x86_64',
  options,
  toolchain: 'image:sha256:1234',
  env: { SOURCE_DATE_EPOCH: '1700000000' },
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
    ['SOURCE_DATE_EPOCH', { env: { SOURCE_DATE_EPOCH: '1800000000' } }],
    ['CFLAGS', { env: { ...base.env, CFLAGS: '-O3' } }],
    ['before-build', { options: { ...options, beforeBuild: 'make' } }],
    ['repair command', { options: { ...options, repairCommand: '' } }],
    ['environment', { options: { ...options, environment: 'A=1' } }],
    ['config-settings', { options: { ...options, configSettings: ['x=1'] } }],
    ['frontend', { options: { ...options, frontend: { name: 'pip' as const, args: [] } } }],
    ['image option', { options: { ...options, image: 'manylinux_2_34' } }]
  ])('changes with %s', (_name, change) => {
    expect(wheelCacheKey({ ...base, ...change })).not.toBe(key)
  })

  test.each([
    ['test-command', { options: { ...options, testCommand: 'python -c 1' } }],
    ['test-requires', { options: { ...options, testRequires: ['pytest'] } }]
  ])('does not change with %s (tests still run on a hit)', (_name, change) => {
    expect(wheelCacheKey({ ...base, ...change })).toBe(key)
  })

  test('build variables are picked from an environment, caches excluded', () => {
    expect(
      buildVariables({
        PATH: '/bin',
        CFLAGS: '-O2',
        PIP_CACHE_DIR: '/c',
        PIP_INDEX_URL: 'x',
        HOME: '/h'
      })
    ).toEqual({
      CFLAGS: '-O2',
      PIP_INDEX_URL: 'x'
    })
  })
})

describe('source digest', () => {
  test('changes with content and names, ignores build outputs', async () => {
    const dir = writeTree(tempDir('src'), { 'setup.py': 'x', 'src/a.c': 'int a;' })
    const first = await sourceDigest(dir)
    writeTree(dir, {
      'build/lib/a.o': 'junk',
      'wheelhouse/x.whl': 'w',
      'pkg.egg-info/PKG-INFO': 'p'
    })
    expect(await sourceDigest(dir)).toBe(first)
    writeTree(dir, { 'src/a.c': 'int b;' })
    const second = await sourceDigest(dir)
    expect(second).not.toBe(first)
    fs.renameSync(path.join(dir, 'src', 'a.c'), path.join(dir, 'src', 'b.c'))
    expect(await sourceDigest(dir)).not.toBe(second)
  })
})

describe('local wheel store', () => {
  test('a miss, then the saved wheel', async () => {
    const store = new LocalWheelStore(tempDir('store'))
    expect(await store.restore('k1')).toBeUndefined()
    const wheel = path.join(
      writeTree(tempDir('w'), { 'x-1-cp312-cp312-linux_x86_64.whl': 'bytes' }),
      'x-1-cp312-cp312-linux_x86_64.whl'
    )
    await store.save('k1', wheel)
    const restored = await store.restore('k1')
    expect(path.basename(restored!)).toBe('x-1-cp312-cp312-linux_x86_64.whl')
    expect(fs.readFileSync(restored!, 'utf8')).toBe('bytes')
  })
})

describe('core budgeting', () => {
  test.each([
    [1, 4, 4, 4],
    [2, 4, 4, 2],
    [4, 4, 4, 1],
    [8, 2, 2, 1],
    [4, 1, 2, 2]
  ])('parallel %i with %i builds on %i cores → %i each', (parallel, builds, cpus, share) => {
    expect(coreShare({ cpuCount: cpus } as never, parallel, builds)).toBe(share)
  })

  test('sets the build variables unless the user did', () => {
    expect(coreBudgetEnv(2, {}, '/w/p.cfg')).toEqual({
      MAKEFLAGS: '-j2',
      CMAKE_BUILD_PARALLEL_LEVEL: '2',
      DIST_EXTRA_CONFIG: '/w/p.cfg'
    })
    expect(coreBudgetEnv(2, { MAKEFLAGS: '-j8' }, '/w/p.cfg')).toEqual({
      CMAKE_BUILD_PARALLEL_LEVEL: '2',
      DIST_EXTRA_CONFIG: '/w/p.cfg'
    })
    expect(coreBudgetEnv(1, {}, '/w/p.cfg')).toEqual({})
  })
})
