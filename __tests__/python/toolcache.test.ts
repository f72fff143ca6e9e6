/** Tool-cache lookup: versions, arch dirs, ranges, the root (no downloads here). */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, jest, test } from '@jest/globals'
import {
  cachedVersions,
  findCachedPython,
  lookupLocation,
  semverRange
} from '../../src/python/toolcache.js'
import { toolCacheArch, toolCacheRoot } from '../../src/python/locations.js'
import { layoutOf, toolCacheFixture } from '../helpers/toolcache.js'

const root = toolCacheFixture()
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('tool-cache lookup', () => {
  test('versions with a .complete marker only, newest first', () => {
    expect(cachedVersions(root, 'x64')).toEqual(['3.12.10', '3.12.1'])
    expect(cachedVersions(root, 'arm64')).toEqual(['3.15.0-rc.1', '3.11.9'])
    expect(cachedVersions(path.join(root, 'missing'), 'x64')).toEqual([])
  })

  test.each([
    [{ version: '3.12', arch: 'x64', freeThreaded: false }, 'linux', '3.12.10', 'bin/python3'],
    [{ version: '3.12.1', arch: 'x64', freeThreaded: false }, 'linux', '3.12.1', 'bin/python3'],
    [{ version: '3.13', arch: 'x64', freeThreaded: true }, 'linux', '3.13.2', 'bin/python3.13t'],
    [
      { version: '3.15', arch: 'arm64', freeThreaded: false },
      'macos',
      '3.15.0-rc.1',
      'bin/python3'
    ],
    [{ version: '3.12', arch: 'x86', freeThreaded: false }, 'windows', '3.12.10', 'python.exe']
  ] as const)('%j on %s → %s', (spec, platform, version, exe) => {
    const found = findCachedPython(root, spec, layoutOf(platform))
    const dir = path.join(
      root,
      'Python',
      version,
      spec.freeThreaded ? `${spec.arch}-freethreaded` : spec.arch
    )
    expect(found).toEqual({ version, dir, python: path.join(dir, exe) })
  })

  test.each([
    [{ version: '3.12', arch: 'arm64', freeThreaded: false }],
    [{ version: '3.13', arch: 'x64', freeThreaded: false }],
    [{ version: '3.12.11', arch: 'x64', freeThreaded: false }],
    [{ version: '3.14', arch: 'x64', freeThreaded: true }]
  ])('nothing for %j', spec => {
    expect(findCachedPython(root, spec, layoutOf('linux'))).toBeUndefined()
  })

  test('a lookup prints no @actions/core debug lines on stdout outside a workflow', () => {
    const write = jest.spyOn(process.stdout, 'write')
    try {
      findCachedPython(
        root,
        { version: '3.12', arch: 'x64', freeThreaded: false },
        layoutOf('linux')
      )
      expect(write.mock.calls.filter(([chunk]) => String(chunk).startsWith('::debug::'))).toEqual(
        []
      )
    } finally {
      write.mockRestore()
    }
    expect(process.env.RUNNER_TOOL_CACHE).toBe(undefined)
  })

  test.each([
    ['3.12', '>=3.12.0-0 <3.13.0-0'],
    ['3.9', '>=3.9.0-0 <3.10.0-0'],
    ['3.12.10', '3.12.10']
  ])('range of %s is %s', (version, range) => {
    expect(semverRange(version)).toBe(range)
  })

  test.each([
    ['x86_64', 'x64'],
    ['AMD64', 'x64'],
    ['arm64', 'arm64'],
    ['aarch64', 'arm64'],
    ['ARM64', 'arm64'],
    ['x86', 'x86'],
    ['i686', 'x86']
  ])('machine %s → arch dir %s', (machine, dir) => {
    expect(toolCacheArch(machine)).toBe(dir)
  })

  test('the root: AGENT_TOOLSDIRECTORY wins over RUNNER_TOOL_CACHE, as in setup-python', () => {
    expect(toolCacheRoot({ RUNNER_TOOL_CACHE: '/a', AGENT_TOOLSDIRECTORY: '/b' })).toBe('/b')
    expect(toolCacheRoot({ RUNNER_TOOL_CACHE: '/a' })).toBe('/a')
    expect(toolCacheRoot({})).toBeUndefined()
  })

  test('where a lookup looked, for the error message', () => {
    expect(
      lookupLocation('/tc', { version: '3.12', arch: 'x64', freeThreaded: true }, layoutOf('linux'))
    ).toBe('/tc/Python/3.12.*/x64-freethreaded')
    expect(
      lookupLocation(
        'C:\\tc',
        { version: '3.12.10', arch: 'x86', freeThreaded: false },
        layoutOf('windows')
      )
    ).toBe('C:\\tc\\Python\\3.12.10\\x86')
  })
})
