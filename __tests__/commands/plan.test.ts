/** `plan` names each group's artifact and refuses a matrix whose groups would share one. */
import { describe, expect, test } from '@jest/globals'
import { namedEntries } from '../../src/commands/plan.js'
import type { MatrixEntry } from '../../src/plan/matrix.js'

const entry = (group: string, archs = 'x86_64'): MatrixEntry => ({
  os: 'ubuntu-latest',
  platform: 'linux',
  archs,
  group,
  identifiers: [`cp312-${group}`]
})
// Two groups on the same kind of runner: glibc and musl builds of one arch.
const ENTRIES = [entry('manylinux_x86_64'), entry('musllinux_x86_64')]

describe('namedEntries', () => {
  test('the default template names each group apart', () => {
    expect(
      namedEntries(ENTRIES, 'wheels-{os}-{arch}[-{group}]').map(e => e['artifact-name'])
    ).toEqual(['wheels-linux-x86_64-manylinux_x86_64', 'wheels-linux-x86_64-musllinux_x86_64'])
  })

  test('a template without {group} would collide: refused, naming both groups', () => {
    expect(() => namedEntries(ENTRIES, 'wheels-{os}-{arch}')).toThrow(
      'artifact-name: gives the groups manylinux_x86_64 and musllinux_x86_64 the same artifact name "wheels-linux-x86_64"; their uploads would collide (got "wheels-{os}-{arch}")'
    )
  })

  test('different archs need no group', () => {
    expect(
      namedEntries(
        [entry('manylinux_x86_64'), entry('manylinux_aarch64', 'aarch64')],
        'wheels-{os}-{arch}'
      ).map(e => e['artifact-name'])
    ).toEqual(['wheels-linux-x86_64', 'wheels-linux-aarch64'])
  })
})
