/** PEP 440 versions: the normal form, the comparison key, sameness. */
import { describe, expect, test } from '@jest/globals'
import { normalizeVersion, sameVersion, versionKey } from '../../src/publish/version.js'

describe('PEP 440 normal form', () => {
  test.each([
    ['1.0.0', '1.0.0', '1'],
    ['v1.0', '1.0', '1'],
    ['V2.1.0rc1', '2.1.0rc1', '2.1rc1'],
    ['1.0-1', '1.0.post1', '1.post1'],
    ['1.0.0.dev3', '1.0.0.dev3', '1.dev3'],
    ['1!2.0', '1!2.0', '1!2'],
    ['1.10.0', '1.10.0', '1.10'],
    ['01.02.00', '1.2.0', '1.2'],
    ['1.0+Local.7', '1.0+local.7', '1+local.7'],
    ['0.0', '0.0', '0'],
    ['not-a-version', undefined, undefined],
    ['', undefined, undefined]
  ])('%j: normal %j, key %j', (text, normal, key) => {
    expect(normalizeVersion(text)).toBe(normal)
    expect(versionKey(text)).toBe(key)
  })

  test.each([
    ['v1.0', '1.0.0', true],
    ['1.0', '1.0.0.0', true],
    ['v1.0.1', '1.0.0', false],
    ['1.0rc1', '1.0c1', true],
    ['1.0a1', '1.0', false],
    ['1.0.post1', '1.0-1', true],
    ['1.0+abc', '1.0', false],
    ['bogus', 'bogus', false]
  ])('%j vs %j: same=%j', (a, b, same) => expect(sameVersion(a, b)).toBe(same))
})
