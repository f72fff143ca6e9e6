/** The catalogue's platforms, derived from their identifiers. */
import { describe, expect, test } from '@jest/globals'
import { cataloguedPlatforms, platformTagOf } from '../../src/model/catalogue.js'
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
