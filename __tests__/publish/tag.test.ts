/** The tag of a ref, and the tag guard against the package version. */
import { describe, expect, test } from '@jest/globals'
import { checkTagMatchesVersion, tagOfRef, versionOfTag } from '../../src/publish/tag.js'
import { UserError } from '../../src/util/errors.js'

describe('tagOfRef', () => {
  test.each([
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/tags/1.0', '1.0'],
    ['refs/tags/release/1.0', 'release/1.0'],
    ['refs/tags/', undefined],
    ['refs/heads/main', undefined],
    ['refs/pull/7/merge', undefined],
    ['', undefined],
    [undefined, undefined]
  ])('%j → %j', (ref, tag) => expect(tagOfRef(ref)).toBe(tag))
})

describe('checkTagMatchesVersion', () => {
  test.each([
    ['v1.0', '1.0.0'],
    ['1.0.0', '1.0.0'],
    ['v1.2.3rc1', '1.2.3rc1'],
    ['V2.0', '2.0.0']
  ])('tag %j matches %j', (tag, version) => {
    expect(() => checkTagMatchesVersion(tag, version)).not.toThrow()
    expect(versionOfTag(tag)).toBeDefined()
  })

  test('a tag of another version names both versions and says nothing was uploaded', () => {
    const error = (() => {
      try {
        checkTagMatchesVersion('v1.0.1', '1.0.0')
      } catch (e) {
        return e as UserError
      }
    })()
    expect(error).toBeInstanceOf(UserError)
    expect(error?.key).toBe('verify-tag')
    expect(error?.message).toBe(
      'verify-tag: the tag "v1.0.1" (version 1.0.1) does not match the package version 1.0.0; nothing was uploaded. Hint: bump the version in the project to 1.0.1 and tag that commit, or move the tag to the commit that has version 1.0.0'
    )
  })

  test('a tag that is no version says how to turn the check off', () => {
    expect(() => checkTagMatchesVersion('nightly', '1.0.0')).toThrow(
      /verify-tag: the tag "nightly" is not a PEP 440 version.*set verify-tag: false/
    )
  })
})
