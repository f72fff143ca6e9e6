/** The catalogue's platforms that wheelwright does not build, derived from their identifiers. */
import { describe, expect, test } from '@jest/globals'
import { cataloguedElsewhere, platformTagOf } from '../../src/model/catalogue.js'

const byName = new Map(cataloguedElsewhere().map(p => [p.name, p]))

describe('cataloguedElsewhere', () => {
  test.each([
    ['pyodide', 'pyodide_', ['wasm32']],
    ['android', 'android_', ['arm64_v8a', 'x86_64']],
    ['ios', 'ios_', ['arm64_iphoneos', 'arm64_iphonesimulator', 'x86_64_iphonesimulator']]
  ])('%s: tags start with %s, archs %j', (name, prefix, archs) => {
    const platform = byName.get(name)
    expect(platform?.tagPrefix).toBe(prefix)
    expect([...(platform?.archs ?? [])].sort()).toEqual([...archs].sort())
    for (const identifier of platform?.identifiers ?? [])
      expect(platformTagOf(identifier).startsWith(prefix)).toBe(true)
  })

  test('lists no platform wheelwright builds', () => {
    expect([...byName.keys()].sort()).toEqual(['android', 'ios', 'pyodide'])
  })
})
