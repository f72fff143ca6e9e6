import { describe, expect, test } from '@jest/globals'
import { fnmatch, isSelected, requiredGroup, selectorMatches } from '../src/plan/selector.js'
import { parseArchs } from '../src/plan/archs.js'
import { buildMatrix, balancedChunks } from '../src/plan/matrix.js'
import { allConfigurations, platformOfIdentifier } from '../src/plan/identifiers.js'

describe('fnmatch (Python semantics)', () => {
  test.each([
    ['cp312-manylinux_x86_64', 'cp312-*', true],
    ['cp312-manylinux_x86_64', '*-manylinux_*', true],
    ['cp312-manylinux_x86_64', 'cp31?-*', true],
    ['cp39-manylinux_x86_64', 'cp31?-*', false],
    ['cp39-win32', 'cp3[89]-*', true],
    ['cp37-win32', 'cp3[!89]-*', true],
    ['cp39-win32', 'cp3[!89]-*', false],
    ['a/b', '*', true],
    ['CP39-win32', 'cp39-*', false],
    ['cp39-win32', 'cp39-win[', false],
    ['cp39-win[', 'cp39-win[', true]
  ])('%s ~ %s = %s', (value, pattern, expected) => expect(fnmatch(value, pattern)).toBe(expected))
})

describe('selectors with brace expansion', () => {
  test.each([
    ['cp3{9..11}-*', 'cp310-manylinux_x86_64', true],
    ['cp3{9..11}-*', 'cp312-manylinux_x86_64', false],
    ['cp{39,31{0,1}}-*', 'cp311-win32', true],
    ['cp39-* cp312-*', 'cp312-win32', true],
    ['*-{manylinux,musllinux}_x86_64', 'cp39-musllinux_x86_64', true],
    ['', 'cp39-win32', false]
  ])('%s matches %s: %s', (patterns, id, expected) =>
    expect(selectorMatches(patterns, id)).toBe(expected)
  )
})

describe('enable groups and versions', () => {
  test.each([
    ['cp316-manylinux_x86_64', 'cpython-prerelease'],
    ['pp39-manylinux_x86_64', 'pypy-eol'],
    ['pp310-win_amd64', 'pypy-eol'],
    ['pp311-macosx_arm64', 'pypy'],
    ['gp312_250-manylinux_x86_64', 'graalpy'],
    ['cp312-manylinux_x86_64', undefined]
  ])('%s needs %s', (id, group) => expect(requiredGroup(id)).toBe(group))

  test('requires-python is checked at X.Y.99 and python-versions is ANDed', () => {
    const base = { build: '*', skip: '', enable: new Set<never>() }
    const seen: string[] = []
    isSelected({ ...base, requiresPython: v => (seen.push(v), true) }, 'cp314t-manylinux_x86_64')
    expect(seen).toEqual(['3.14.99'])
    expect(isSelected({ ...base, pythonVersions: v => v.startsWith('3.12') }, 'cp313-win32')).toBe(
      false
    )
    expect(isSelected({ ...base, skip: 'cp313-*' }, 'cp313-win32')).toBe(false)
  })
})

describe('archs', () => {
  const linux = { platform: 'linux' as const, machine: 'x86_64' }
  const mac = { platform: 'macos' as const, machine: 'arm64' }
  test.each([
    ['auto', 'linux', linux, ['x86_64']],
    ['auto', 'windows', linux, ['AMD64', 'x86']],
    ['auto', 'macos', linux, ['x86_64']],
    ['native', 'windows', mac, ['ARM64']],
    ['auto64', 'linux', linux, ['x86_64']],
    ['auto32', 'linux', linux, ['i686']],
    ['auto32', 'macos', mac, []],
    ['all', 'macos', linux, ['x86_64', 'arm64', 'universal2']],
    ['x86_64, aarch64', 'linux', linux, ['x86_64', 'aarch64']],
    ['amd64', 'windows', linux, ['AMD64']],
    ['ARM64', 'macos', linux, ['arm64']]
  ] as const)('%s on %s', (value, platform, runner, expected) => {
    expect([...parseArchs(value, platform, runner)]).toEqual(expected)
  })
})

describe('catalogue and matrix', () => {
  test('catalogue has the cibuildwheel identifiers', () => {
    expect(
      allConfigurations('linux').find(c => c.identifier === 'cp39-manylinux_x86_64')?.pathStr
    ).toBe('/opt/python/cp39-cp39')
    expect(allConfigurations('windows').find(c => c.identifier === 'cp313-win_arm64')?.arch).toBe(
      'ARM64'
    )
    expect(allConfigurations('macos').some(c => c.identifier === 'cp315t-macosx_universal2')).toBe(
      true
    )
  })

  test.each([
    ['cp312-manylinux_x86_64', 'linux'],
    ['cp312-musllinux_aarch64', 'linux'],
    ['cp312-macosx_universal2', 'macos'],
    ['cp39-win32', 'windows'],
    ['cp313-win_arm64', 'windows']
  ])('only %s is %s', (id, platform) => expect(platformOfIdentifier(id)).toBe(platform))

  test('balanced chunks', () => {
    expect(balancedChunks([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7]
    ])
    expect(balancedChunks([1], 3)).toEqual([[1]])
  })

  test('runner labels and groups', () => {
    const pick = (ids: string[]) =>
      [
        ...allConfigurations('linux'),
        ...allConfigurations('macos'),
        ...allConfigurations('windows')
      ].filter(c => ids.includes(c.identifier))
    const matrix = buildMatrix(
      pick([
        'cp312-manylinux_x86_64',
        'cp312-manylinux_aarch64',
        'cp312-macosx_arm64',
        'cp312-macosx_x86_64',
        'cp312-macosx_universal2',
        'cp312-win_amd64',
        'cp312-win32',
        'cp312-win_arm64'
      ]),
      0
    )
    expect(matrix.map(e => [e.group, e.os, e.archs])).toEqual([
      ['manylinux_x86_64', 'ubuntu-latest', 'x86_64'],
      ['manylinux_aarch64', 'ubuntu-24.04-arm', 'aarch64'],
      ['macosx_x86_64', 'macos-15-intel', 'x86_64'],
      ['macosx_arm64', 'macos-latest', 'arm64'],
      ['macosx_universal2', 'macos-latest', 'universal2'],
      ['win32', 'windows-latest', 'x86'],
      ['win_amd64', 'windows-latest', 'AMD64'],
      ['win_arm64', 'windows-11-arm', 'ARM64']
    ])
  })

  test('max-per-job balances contiguous groups', () => {
    const configs = allConfigurations('linux').filter(
      c => c.identifier.endsWith('-manylinux_x86_64') && c.identifier.startsWith('cp')
    )
    const matrix = buildMatrix(configs, 4)
    expect(matrix.map(e => e.identifiers.length)).toEqual([3, 3, 3])
    expect(matrix.flatMap(e => e.identifiers)).toEqual(configs.map(c => c.identifier))
    expect(matrix.map(e => e.group)).toEqual([
      'manylinux_x86_64-1',
      'manylinux_x86_64-2',
      'manylinux_x86_64-3'
    ])
  })
})
