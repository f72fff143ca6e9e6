/** The identifier catalogue and the platform of an identifier. */
import { describe, expect, test } from '@jest/globals'
import { allConfigurations, platformOfIdentifier } from '../../src/plan/identifiers.js'

describe('the catalogue', () => {
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
})
