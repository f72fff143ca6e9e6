/** Which earlier wheel (abi3, py3-none) a later identifier may reuse. */
import { describe, expect, test } from '@jest/globals'
import { findCompatibleWheel } from '../../src/wheel/reuse.js'

describe('abi3 and py3-none reuse', () => {
  const built = (filename: string) => [{ identifier: 'first', filename }]
  test.each([
    [
      'abi3 for a newer CPython',
      'x-1-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
      'cp312-manylinux_x86_64',
      true
    ],
    [
      'abi3 not for an older CPython',
      'x-1-cp310-abi3-manylinux_2_17_x86_64.whl',
      'cp39-manylinux_x86_64',
      false
    ],
    [
      'abi3 not for free-threaded',
      'x-1-cp39-abi3-manylinux_2_17_x86_64.whl',
      'cp314t-manylinux_x86_64',
      false
    ],
    [
      'abi3 not for PyPy',
      'x-1-cp39-abi3-manylinux_2_17_x86_64.whl',
      'pp311-manylinux_x86_64',
      false
    ],
    [
      'abi3 not across arches',
      'x-1-cp39-abi3-manylinux_2_17_x86_64.whl',
      'cp312-manylinux_aarch64',
      false
    ],
    [
      'abi3 not manylinux → musllinux',
      'x-1-cp39-abi3-manylinux_2_17_x86_64.whl',
      'cp312-musllinux_x86_64',
      false
    ],
    [
      'abi3 macOS deployment targets differ',
      'x-1-cp39-abi3-macosx_10_9_x86_64.whl',
      'cp313-macosx_x86_64',
      true
    ],
    ['abi3 Windows needs the exact tag', 'x-1-cp39-abi3-win_amd64.whl', 'cp313-win_amd64', true],
    ['abi3 Windows other arch', 'x-1-cp39-abi3-win_amd64.whl', 'cp313-win32', false],
    [
      'py3-none for PyPy too',
      'x-1-py3-none-manylinux_2_17_x86_64.whl',
      'pp311-manylinux_x86_64',
      true
    ],
    ['py311-none not for 3.10', 'x-1-py311-none-win_amd64.whl', 'cp310-win_amd64', false],
    [
      'cp39-cp39 never reused',
      'x-1-cp39-cp39-manylinux_2_17_x86_64.whl',
      'cp310-manylinux_x86_64',
      false
    ]
  ])('%s', (_name, filename, identifier, reused) => {
    expect(findCompatibleWheel(built(filename), identifier) !== undefined).toBe(reused)
  })
})
