/** Where each interpreter comes from and where it is expected to be. */
import { describe, expect, test } from '@jest/globals'
import {
  archiveStem,
  expectedInterpreter,
  nugetUrl,
  placementOf
} from '../../src/python/locations.js'
import { allConfigurations, type PythonConfiguration } from '../../src/plan/identifiers.js'
import { rulesOf } from '../helpers/toolcache.js'

function config(platform: 'macos' | 'windows', identifier: string): PythonConfiguration {
  const found = allConfigurations(platform).find(c => c.identifier === identifier)
  if (!found) throw new Error(`no ${identifier} in the catalogue`)
  return found
}

describe('where interpreters come from', () => {
  test.each([
    [
      'macos',
      'cp312-macosx_x86_64',
      'arm64',
      { version: '3.12', arch: 'arm64', freeThreaded: false }
    ],
    [
      'macos',
      'cp314t-macosx_universal2',
      'x86_64',
      { version: '3.14', arch: 'x64', freeThreaded: true }
    ],
    ['windows', 'cp312-win32', 'AMD64', { version: '3.12', arch: 'x86', freeThreaded: false }],
    [
      'windows',
      'cp313-win_arm64',
      'ARM64',
      { version: '3.13', arch: 'arm64', freeThreaded: false }
    ],
    ['windows', 'cp313-win_arm64', 'AMD64', { version: '3.13', arch: 'x64', freeThreaded: false }]
  ] as const)('%s %s on %s: tool cache %j', (platform, identifier, machine, spec) => {
    const placement = placementOf(
      config(platform, identifier),
      machine,
      rulesOf(platform).toolCacheTarget
    )
    expect(placement.source).toEqual({ kind: 'tool-cache', spec })
  })

  test('win_arm64 off ARM64: the pythonarm64 NuGet package provides the import libraries', () => {
    expect(
      placementOf(config('windows', 'cp313-win_arm64'), 'AMD64', rulesOf('windows').toolCacheTarget)
        .crossLibs
    ).toEqual({
      nugetId: 'pythonarm64',
      version: '3.13.17'
    })
    expect(
      placementOf(
        config('windows', 'cp314t-win_arm64'),
        'AMD64',
        rulesOf('windows').toolCacheTarget
      ).crossLibs
    ).toEqual({
      nugetId: 'pythonarm64-freethreaded',
      version: '3.14.10'
    })
    expect(
      placementOf(config('windows', 'cp313-win_arm64'), 'ARM64', rulesOf('windows').toolCacheTarget)
        .crossLibs
    ).toBeUndefined()
    expect(nugetUrl('pythonarm64', '3.13.17')).toBe(
      'https://api.nuget.org/v3-flatcontainer/pythonarm64/3.13.17/pythonarm64.3.13.17.nupkg'
    )
  })

  test('PyPy and GraalPy come from the catalogue archive, checked by sha256', () => {
    const pypy = config('windows', 'pp311-win_amd64')
    expect(placementOf(pypy, 'AMD64', rulesOf('windows').toolCacheTarget).source).toEqual({
      kind: 'archive',
      implementation: 'pypy',
      url: pypy.url,
      sha256: pypy.sha256
    })
    expect(archiveStem(pypy.url!)).toBe('pypy3.11-v8.0.1-win64')
    expect(archiveStem('https://x/graalpy-25.0.3-macos-aarch64.tar.gz')).toBe(
      'graalpy-25.0.3-macos-aarch64'
    )
  })

  test.each([
    [
      'macos',
      'cp312-macosx_universal2',
      'arm64',
      '/Users/runner/hostedtoolcache/Python/3.12.10/arm64/bin/python3'
    ],
    [
      'macos',
      'gp312_250-macosx_arm64',
      'arm64',
      '/c/interpreters/graalpy-25.0.3-macos-aarch64/bin/graalpy'
    ],
    ['windows', 'cp39-win32', 'AMD64', 'C:\\tc\\Python\\3.9.13\\x86\\python.exe'],
    [
      'windows',
      'gp312_250-win_amd64',
      'AMD64',
      'C:\\c\\interpreters\\graalpy-25.0.3-windows-amd64\\bin\\graalpy.exe'
    ]
  ] as const)('expected path of %s %s on %s', (platform, identifier, machine, expected) => {
    const toolCache = platform === 'macos' ? '/Users/runner/hostedtoolcache' : 'C:\\tc'
    const cache = platform === 'macos' ? '/c' : 'C:\\c'
    expect(
      expectedInterpreter(
        config(platform, identifier),
        machine,
        toolCache,
        cache,
        rulesOf(platform)
      ).path
    ).toBe(expected)
  })
})
