/** Matching the actions/python-versions manifest (no downloads here). */
import { describe, expect, test } from '@jest/globals'
import { matchManifest, manifestUrl, type ManifestRelease } from '../../src/python/install.js'
import { layoutOf } from '../helpers/toolcache.js'

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
