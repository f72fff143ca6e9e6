/** Tool-cache lookup, manifest matching and interpreter locations (no downloads here). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, jest, test } from '@jest/globals'
import {
  cachedVersions,
  findCachedPython,
  lookupLocation,
  semverRange,
  toolCacheArch,
  toolCacheRoot
} from '../src/python/toolcache.js'
import { matchManifest, manifestUrl, type ManifestRelease } from '../src/python/install.js'
import { archiveStem, expectedInterpreter, nugetUrl, placementOf } from '../src/python/locations.js'
import { toolCacheCandidates } from '../src/python/interpreters.js'
import { allConfigurations, type PythonConfiguration } from '../src/plan/identifiers.js'
import { platformNamed, type PlatformName } from '../src/platforms/index.js'
import { MACOS_INTERPRETERS } from '../src/platforms/macos.js'
import { WINDOWS_INTERPRETERS } from '../src/platforms/windows.js'

const layoutOf = (platform: PlatformName) => platformNamed(platform).layout
const rulesOf = (platform: 'macos' | 'windows') =>
  platform === 'macos' ? MACOS_INTERPRETERS : WINDOWS_INTERPRETERS

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-toolcache-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** A tool-cache entry: `files` inside the arch dir, and the marker unless `complete` is false. */
function entry(version: string, arch: string, files: string[], complete = true) {
  const dir = path.join(root, 'Python', version, arch)
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), '')
  }
  if (complete) fs.writeFileSync(`${dir}.complete`, '')
}

entry('3.12.1', 'x64', ['bin/python3'])
entry('3.12.10', 'x64', ['bin/python3'])
entry('3.12.11', 'x64', ['bin/python3'], false)
entry('3.12.10', 'x86', ['python.exe'])
entry('3.13.2', 'x64-freethreaded', ['bin/python3.13t'])
entry('3.15.0-rc.1', 'arm64', ['bin/python3'])
entry('3.11.9', 'arm64', ['bin/python3'])
fs.mkdirSync(path.join(root, 'Python', 'not-a-version', 'x64'), { recursive: true })
fs.writeFileSync(path.join(root, 'Python', 'not-a-version', 'x64.complete'), '')

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

  test('discovery lists tool-cache interpreters through the same lookup', () => {
    expect(
      toolCacheCandidates(root, 'x64', layoutOf('linux')).map(c => path.relative(root, c.path))
    ).toEqual([
      path.join('Python', '3.12.10', 'x64', 'bin', 'python3'),
      path.join('Python', '3.12.1', 'x64', 'bin', 'python3'),
      path.join('Python', '3.13.2', 'x64-freethreaded', 'bin', 'python3.13t')
    ])
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

const file = (platform: string, arch: string, version: string, platformVersion?: string) => ({
  filename: `python-${version}-${platform}-${arch}.tar.gz`,
  arch,
  platform,
  ...(platformVersion ? { platform_version: platformVersion } : {}),
  download_url: `https://example.test/${version}/${platform}-${platformVersion ?? ''}-${arch}`
})

const MANIFEST: ManifestRelease[] = [
  {
    version: '3.13.0-rc.2',
    stable: false,
    files: [file('darwin', 'arm64', '3.13.0-rc.2'), file('win32', 'x64', '3.13.0-rc.2')]
  },
  {
    version: '3.12.11',
    stable: true,
    files: [file('darwin', 'arm64', '3.12.11'), file('linux', 'x64', '3.12.11', '24.04')]
  },
  {
    version: '3.12.10',
    stable: true,
    files: [
      file('darwin', 'arm64', '3.12.10'),
      file('darwin', 'x64', '3.12.10'),
      file('win32', 'x86', '3.12.10'),
      file('win32', 'x64-freethreaded', '3.12.10'),
      file('linux', 'x64', '3.12.10', '22.04'),
      file('linux', 'x64', '3.12.10', '24.04')
    ]
  },
  { version: '3.12.12-beta.1', stable: false, files: [file('darwin', 'arm64', '3.12.12-beta.1')] }
]

describe('manifest matching', () => {
  test.each([
    ['3.12', 'arm64', false, 'macos', undefined, '3.12.11', 'darwin--arm64'],
    ['3.12', 'x64', false, 'macos', undefined, '3.12.10', 'darwin--x64'],
    ['3.12', 'x86', false, 'windows', undefined, '3.12.10', 'win32--x86'],
    ['3.12', 'x64', true, 'windows', undefined, '3.12.10', 'win32--x64-freethreaded'],
    ['3.12', 'x64', false, 'linux', '22.04', '3.12.10', 'linux-22.04-x64'],
    ['3.12', 'x64', false, 'linux', '24.04', '3.12.11', 'linux-24.04-x64'],
    ['3.12.10', 'arm64', false, 'macos', undefined, '3.12.10', 'darwin--arm64'],
    ['3.13', 'arm64', false, 'macos', undefined, '3.13.0-rc.2', 'darwin--arm64']
  ] as const)(
    '%s %s (free-threaded: %s) on %s %s → %s',
    (version, arch, freeThreaded, platform, platformVersion, expected, url) => {
      const match = matchManifest(MANIFEST, {
        spec: { version, arch, freeThreaded },
        platform: layoutOf(platform).manifestPlatform,
        platformVersion
      })
      expect(match?.release.version).toBe(expected)
      expect(match?.file.download_url).toBe(`https://example.test/${expected}/${url}`)
    }
  )

  test.each([
    ['3.11', 'x64', 'macos', undefined],
    ['3.12', 'arm64', 'windows', undefined],
    ['3.12', 'x64', 'linux', '20.04']
  ] as const)('no match for %s %s on %s %s', (version, arch, platform, platformVersion) => {
    expect(
      matchManifest(MANIFEST, {
        spec: { version, arch, freeThreaded: false },
        platform: layoutOf(platform).manifestPlatform,
        platformVersion
      })
    ).toBeUndefined()
  })

  test('the manifest URL can be overridden', () => {
    expect(manifestUrl({})).toBe(
      'https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json'
    )
    expect(manifestUrl({ WHEELWRIGHT_PYTHON_MANIFEST_URL: 'http://127.0.0.1:1/m.json' })).toBe(
      'http://127.0.0.1:1/m.json'
    )
  })
})

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
