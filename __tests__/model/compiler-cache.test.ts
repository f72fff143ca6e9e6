/** Which build backends compile the same objects for every interpreter. */
import { describe, expect, test } from '@jest/globals'
import { backendSharesObjects } from '../../src/model/compiler-cache.js'

describe('backendSharesObjects', () => {
  test.each([
    ['scikit_build_core.build', true],
    ['mesonpy', true],
    ['maturin', true],
    ['py_build_cmake.build', true],
    ['scikit_build_core.build:build_wheel', true],
    // Flags from each interpreter's sysconfig: they differ between Python versions.
    ['setuptools.build_meta', false],
    ['setuptools.build_meta:__legacy__', false],
    // Unknown: taken to compile with the interpreter's flags.
    ['hatchling.build', false],
    ['scikit_build_core', false],
    ['mesonpy.extra', false],
    ['', false],
    [undefined, false]
  ])('%j: %s', (backend, shares) => {
    expect(backendSharesObjects(backend)).toBe(shares)
  })
})
