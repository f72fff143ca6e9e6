/** The compiler cache's variables, its wrapper's argv, and the lines it prints, read back. */
import { describe, expect, test } from '@jest/globals'
import {
  cachedBuildStep,
  compilerCacheEnv,
  OFF_PREFIX,
  parseCompilerCacheOutput,
  STATS_PREFIX,
  WRAPPER_PY,
  type CompilerCachePlan
} from '../../src/steps/compiler-cache.js'
import { POSIX, WINDOWS } from '../../src/steps/dialect.js'

const sccache: CompilerCachePlan = {
  tool: 'sccache',
  binary: '/tools/bin/sccache',
  dir: '/cache/compiler-cache/linux-x86_64',
  basedirs: ['/tmp/run/build/cp312'],
  server: { socket: '/tmp/run/build/cp312/sccache.sock' },
  maxSize: '5G'
}

const stats = (hits: number, misses: number, compileNanos = 600_000_000, compilations = misses) =>
  STATS_PREFIX +
  JSON.stringify({
    cache_hits: { counts: { 'C/C++': hits } },
    cache_misses: { counts: misses ? { 'C/C++': misses } : {} },
    compilations,
    compiler_write_duration: { secs: 0, nanos: compileNanos }
  })

describe('the variables of a cached build', () => {
  test('sccache: launchers, its dir, basedirs, and a server of its own', () => {
    expect(compilerCacheEnv(sccache, POSIX, '/tmp/run/build/cp312')).toEqual({
      CMAKE_C_COMPILER_LAUNCHER: '/tools/bin/sccache',
      CMAKE_CXX_COMPILER_LAUNCHER: '/tools/bin/sccache',
      RUSTC_WRAPPER: '/tools/bin/sccache',
      SCCACHE_DIR: '/cache/compiler-cache/linux-x86_64',
      SCCACHE_CACHE_SIZE: '5G',
      SCCACHE_BASEDIRS: '/tmp/run/build/cp312',
      SCCACHE_IDLE_TIMEOUT: '60',
      SCCACHE_SERVER_UDS: '/tmp/run/build/cp312/sccache.sock'
    })
  })

  test('sccache on Windows: basedirs joined with ; and a TCP port', () => {
    const env = compilerCacheEnv(
      { ...sccache, basedirs: ['C:\\a', 'D:\\b'], server: { port: 4227 } },
      WINDOWS,
      'C:\\a'
    )
    expect(env.SCCACHE_BASEDIRS).toBe('C:\\a;D:\\b')
    expect(env.SCCACHE_SERVER_PORT).toBe('4227')
    expect(env.SCCACHE_SERVER_UDS).toBeUndefined()
  })

  test('ccache: base_dir, no hashed dir, and a stats log in the work dir', () => {
    const env = compilerCacheEnv(
      { ...sccache, tool: 'ccache', binary: 'ccache', server: undefined },
      POSIX,
      '/w'
    )
    expect(env).toMatchObject({
      CCACHE_DIR: sccache.dir,
      CCACHE_BASEDIR: '/tmp/run/build/cp312',
      CCACHE_NOHASHDIR: '1',
      CCACHE_STATSLOG: '/w/ccache-stats.log',
      CMAKE_C_COMPILER_LAUNCHER: 'ccache'
    })
  })

  test('the build step runs through the wrapper with the build interpreter; without a cache, as given', () => {
    const build = {
      argv: ['/venv/bin/python', '-m', 'build'],
      display: 'python -m build .',
      env: { A: '1' },
      python: '/py/bin/python',
      workDir: '/w',
      packageDir: '/w/src',
      dialect: POSIX
    }
    expect(cachedBuildStep(undefined, build)).toEqual({
      argv: build.argv,
      display: build.display,
      env: build.env
    })
    const cached = cachedBuildStep(sccache, build)
    expect(cached.argv).toEqual([
      '/py/bin/python',
      '-c',
      WRAPPER_PY,
      'sccache',
      '/tools/bin/sccache',
      '/w',
      '/w/src',
      '--',
      ...build.argv
    ])
    expect(cached.display).toBe('python -m build .')
    expect(cached.env).toMatchObject({ A: '1', SCCACHE_DIR: sccache.dir })
  })
})

describe('the wrapper output, read back', () => {
  test.each([
    [
      'sccache counts',
      `build...\n${stats(6, 1, 500_000_000, 1)}\n`,
      { tool: 'sccache', hits: 6, misses: 1, missSeconds: 0.5 }
    ],
    ['no miss: no compile time', `${stats(7, 0, 0, 0)}\n`, { tool: 'sccache', hits: 7, misses: 0 }],
    [
      'ccache counts',
      `${STATS_PREFIX}{"ccache":{"hits":3,"misses":2}}\n`,
      { tool: 'ccache', hits: 3, misses: 2 }
    ],
    [
      'off, with the reason',
      `${OFF_PREFIX}sccache cannot compile with cc: boom\nbuilt\n`,
      { off: 'sccache cannot compile with cc: boom' }
    ],
    [
      'the last line wins',
      `${stats(1, 1)}\n${stats(2, 0, 0, 0)}\n`,
      { tool: 'sccache', hits: 2, misses: 0 }
    ]
  ])('%s', (_name, output, expected) => {
    expect(parseCompilerCacheOutput(output)).toEqual(expected)
  })

  test.each([
    ['no line', 'plain build output\n', undefined],
    [
      'a truncated JSON line',
      `${STATS_PREFIX}{"cache_hits":`,
      { off: 'unreadable counts from the compiler cache' }
    ],
    [
      'counts of the wrong type',
      `${STATS_PREFIX}{"cache_hits":{"counts":{"C":"x"}},"compilations":"2"}`,
      { tool: 'sccache', hits: 0, misses: 0 }
    ],
    ['a prefix inside a line is not the wrapper', `echo ${STATS_PREFIX}{}\n`, undefined]
  ])('malformed: %s', (_name, output, expected) => {
    expect(parseCompilerCacheOutput(output)).toEqual(expected)
  })
})
