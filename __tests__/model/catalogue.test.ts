/** The catalogue's platforms, derived from their identifiers. */
import { describe, expect, test } from '@jest/globals'
import {
  CATALOGUE_SOURCE,
  catalogueConfigurations,
  cataloguedPlatforms,
  platformTagOf
} from '../../src/model/catalogue.js'
import { notYetPlatforms } from '../../src/plan/identifiers.js'
import { platformNamed } from '../../src/platforms/index.js'

const byName = new Map(cataloguedPlatforms().map(p => [p.name, p]))

describe('cataloguedPlatforms', () => {
  test.each([
    ['pyodide', ['pyodide_'], ['wasm32']],
    ['android', ['android_'], ['arm64_v8a', 'x86_64']],
    ['ios', ['ios_'], ['arm64_iphoneos', 'arm64_iphonesimulator', 'x86_64_iphonesimulator']],
    [
      'linux',
      ['manylinux_', 'musllinux_'],
      ['aarch64', 'armv7l', 'i686', 'ppc64le', 'riscv64', 's390x', 'x86_64']
    ]
  ])('%s: tags start with %j, archs %j', (name, prefixes, archs) => {
    const platform = byName.get(name)!
    expect([...platform.tagPrefixes].sort()).toEqual(prefixes)
    expect([...platform.archs].sort()).toEqual([...archs].sort())
    for (const identifier of platform.identifiers)
      expect(prefixes.some(prefix => platformTagOf(identifier).startsWith(prefix))).toBe(true)
  })

  test('lists every platform cibuildwheel builds, the built-in ones with their configurations', () => {
    expect([...byName.keys()]).toEqual(['linux', 'macos', 'windows', 'pyodide', 'android', 'ios'])
    for (const name of ['linux', 'macos', 'windows'])
      expect(byName.get(name)!.identifiers).toEqual(
        platformNamed(name).identifiers.configurations.map(c => c.identifier)
      )
  })
})

describe('platformTagOf', () => {
  test.each([
    ['cp312-manylinux_x86_64', 'manylinux_x86_64'],
    ['cp314t-macosx_universal2', 'macosx_universal2'],
    ['gp311_242-win_amd64', 'win_amd64'],
    ['pp310-musllinux_aarch64', 'musllinux_aarch64']
  ])('%s → %s', (identifier, tag) => expect(platformTagOf(identifier)).toBe(tag))
})

describe('catalogueConfigurations', () => {
  test('the source is the cibuildwheel release matched', () => {
    expect(CATALOGUE_SOURCE).toMatch(/^cibuildwheel \d+\.\d+\.\d+$/)
  })

  test('each configuration gets its arch from the platform tag, through the given function', () => {
    const tags: string[] = []
    const linux = catalogueConfigurations('linux', tag => {
      tags.push(tag)
      return tag.split('_').slice(1).join('_')
    })
    expect(tags).toEqual(linux.map(c => platformTagOf(c.identifier)))
    expect(linux.find(c => c.identifier === 'cp312-manylinux_x86_64')).toEqual({
      identifier: 'cp312-manylinux_x86_64',
      platform: 'linux',
      arch: 'x86_64',
      version: '3.12',
      pathStr: '/opt/python/cp312-cp312'
    })
  })

  test.each<
    [
      'linux' | 'macos' | 'windows',
      (c: ReturnType<typeof catalogueConfigurations>[number]) => boolean
    ]
  >([
    ['linux', c => !!c.pathStr && c.url === undefined],
    // macOS: every interpreter from an installer.
    ['macos', c => c.pathStr === undefined && !!c.url],
    // Windows: CPython by its full version (from nuget), the others from an archive.
    [
      'windows',
      c =>
        c.pathStr === undefined &&
        (c.identifier.startsWith('cp') ? /^\d+\.\d+\.\d+$/.test(c.version) : !!c.url)
    ]
  ])('%s: every identifier once, of its platform, in its shape', (platform, shape) => {
    const configurations = catalogueConfigurations(platform, () => 'any')
    expect(configurations.length).toBeGreaterThan(10)
    const ids = configurations.map(c => c.identifier)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of configurations) {
      expect(c.platform).toBe(platform)
      expect(shape(c)).toBe(true)
      // An installer comes with its checksum, or not at all.
      expect(c.url === undefined).toBe(c.sha256 === undefined)
      if (c.sha256 !== undefined) expect(c.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  test('a platform the catalogue does not hold has no configuration', () => {
    expect(catalogueConfigurations('toyos' as never, () => 'any')).toEqual([])
  })
})

test('not yet supported: the catalogued platforms with no registered module, none of their identifiers built', () => {
  const notYet = notYetPlatforms()
  expect(notYet.map(p => p.name).sort()).toEqual(['android', 'ios', 'pyodide'])
  const built = new Set(
    (['linux', 'macos', 'windows'] as const).flatMap(p =>
      catalogueConfigurations(p, () => 'any').map(c => c.identifier)
    )
  )
  for (const platform of notYet) {
    expect(platform.identifiers.length).toBeGreaterThan(0)
    for (const id of platform.identifiers) expect(built.has(id)).toBe(false)
  }
})
