/** The identifier catalogue, generated from cibuildwheel's: each platform's configurations as data. */
import { describe, expect, test } from '@jest/globals'
import {
  CATALOGUE_SOURCE,
  catalogueConfigurations,
  notYetIdentifiers,
  platformTagOf
} from '../../src/plan/catalogue.js'

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
    expect(catalogueConfigurations('pyodide' as never, () => 'any')).toEqual([])
  })
})

test('notYetIdentifiers: pyodide, android and ios, none of them in a platform we build', () => {
  const notYet = notYetIdentifiers()
  expect(Object.keys(notYet).sort()).toEqual(['android', 'ios', 'pyodide'])
  const built = new Set(
    (['linux', 'macos', 'windows'] as const).flatMap(p =>
      catalogueConfigurations(p, () => 'any').map(c => c.identifier)
    )
  )
  for (const ids of Object.values(notYet)) {
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(built.has(id)).toBe(false)
  }
})
