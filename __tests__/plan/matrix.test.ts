/** The job matrix: runner labels, groups and balanced chunks. */
import { describe, expect, test } from '@jest/globals'
import { buildMatrix, balancedChunks, EMULATION_WEIGHT } from '../../src/plan/matrix.js'
import { allConfigurations } from '../../src/plan/identifiers.js'

describe('the matrix', () => {
  test('balanced chunks', () => {
    expect(balancedChunks([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7]
    ])
    expect(balancedChunks([1], 3)).toEqual([[1]])
  })

  test('runner labels and groups', () => {
    const pick = (ids: string[]) =>
      [
        ...allConfigurations('linux'),
        ...allConfigurations('macos'),
        ...allConfigurations('windows')
      ].filter(c => ids.includes(c.identifier))
    const matrix = buildMatrix(
      pick([
        'cp312-manylinux_x86_64',
        'cp312-manylinux_aarch64',
        'cp312-macosx_arm64',
        'cp312-macosx_x86_64',
        'cp312-macosx_universal2',
        'cp312-win_amd64',
        'cp312-win32',
        'cp312-win_arm64'
      ]),
      0
    )
    expect(matrix.map(e => [e.group, e.os, e.archs])).toEqual([
      ['manylinux_x86_64', 'ubuntu-latest', 'x86_64'],
      ['manylinux_aarch64', 'ubuntu-24.04-arm', 'aarch64'],
      ['macosx_x86_64', 'macos-15-intel', 'x86_64'],
      ['macosx_arm64', 'macos-latest', 'arm64'],
      ['macosx_universal2', 'macos-latest', 'universal2'],
      ['win32', 'windows-latest', 'x86'],
      ['win_amd64', 'windows-latest', 'AMD64'],
      ['win_arm64', 'windows-11-arm', 'ARM64']
    ])
  })

  test('max-per-job balances contiguous groups', () => {
    const configs = allConfigurations('linux').filter(
      c => c.identifier.endsWith('-manylinux_x86_64') && c.identifier.startsWith('cp')
    )
    const matrix = buildMatrix(configs, 4)
    expect(matrix.map(e => e.identifiers.length)).toEqual([3, 3, 3])
    expect(matrix.flatMap(e => e.identifiers)).toEqual(configs.map(c => c.identifier))
    expect(matrix.map(e => e.group)).toEqual([
      'manylinux_x86_64-1',
      'manylinux_x86_64-2',
      'manylinux_x86_64-3'
    ])
  })
})

describe('emulated identifiers weigh more in the matrix', () => {
  test.each([
    // ppc64le builds on an x86_64 runner, under QEMU: 6 identifiers × 5 over a cap of 4 → one each.
    ['ppc64le', 4, 6],
    ['ppc64le', 20, 2],
    // aarch64 builds natively on an arm64 runner; x86_64 and i686 on an x86_64 one.
    ['aarch64', 4, 2],
    ['x86_64', 4, 2],
    ['i686', 4, 2]
  ])('%s with max-per-job %i → %i groups', (arch, maxPerJob, groups) => {
    const configurations = allConfigurations('linux')
      .filter(c => c.arch === arch && /^cp3(9|1[0-6])-manylinux/.test(c.identifier))
      .slice(0, 6)
    expect(configurations).toHaveLength(6)
    const matrix = buildMatrix(configurations, maxPerJob)
    expect(matrix).toHaveLength(groups)
    expect(matrix.flatMap(e => e.identifiers)).toEqual(configurations.map(c => c.identifier))
  })

  test('the weight', () => expect(EMULATION_WEIGHT).toBe(5))
})
