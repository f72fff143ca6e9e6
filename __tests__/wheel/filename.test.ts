/** Wheel file names: parsing, abi3 and pure-Python tags. */
import { describe, expect, test } from '@jest/globals'
import { isAbi3, isPurePython, parseWheelName } from '../../src/wheel/filename.js'

describe('wheel file names', () => {
  test('parse with and without a build tag', () => {
    expect(
      parseWheelName('spam_ext-1.0.0-cp39-cp39-manylinux1_x86_64.manylinux_2_5_x86_64.whl')
    ).toEqual({
      filename: 'spam_ext-1.0.0-cp39-cp39-manylinux1_x86_64.manylinux_2_5_x86_64.whl',
      distribution: 'spam_ext',
      version: '1.0.0',
      pythonTags: ['cp39'],
      abiTags: ['cp39'],
      platformTags: ['manylinux1_x86_64', 'manylinux_2_5_x86_64']
    })
    expect(parseWheelName('/x/demo-2.0-1-py3-none-any.whl').build).toBe('1')
  })
  test.each(['demo.tar.gz', 'demo-1.0.whl', 'a-b-c-d-e-f-g.whl'])('%s is refused', name => {
    expect(() => parseWheelName(name)).toThrow('is not a wheel file name')
  })
  test('abi3 and pure', () => {
    expect(isAbi3(parseWheelName('x-1-cp39-abi3-manylinux_2_17_x86_64.whl'))).toBe(true)
    expect(isAbi3(parseWheelName('x-1-cp39-cp39-manylinux_2_17_x86_64.whl'))).toBe(false)
    expect(isPurePython(parseWheelName('x-1-py3-none-any.whl'))).toBe(true)
    expect(isPurePython(parseWheelName('x-1-py3-none-manylinux_2_17_x86_64.whl'))).toBe(false)
  })
})
