/** The identifiers a command works on: all selected ones, or one group of the fan-out matrix. */
import { describe, expect, test } from '@jest/globals'
import { parsePyproject } from '../../src/options/pyproject.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { jobConfigurations, selectedConfigurations } from '../../src/plan/select.js'
import { UserError } from '../../src/util/errors.js'

function options(inputs: Record<string, string>) {
  return resolveOptions({
    inputs: new Map(Object.entries(inputs)),
    env: {},
    runner: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject('[project]\nname = "x"\nversion = "1"\n', 'pyproject.toml'),
    packageDir: '/p',
    packageInput: '.',
    cpuCount: 2
  })
}

const ids = (configurations: readonly { identifier: string }[]) =>
  configurations.map(c => c.identifier)

const FOUR = { build: 'cp310-* cp311-* cp312-* cp313-*', skip: '*-musllinux_*', archs: 'x86_64' }

describe('selectedConfigurations', () => {
  test('the selected identifiers of this platform and archs, in catalogue order', () => {
    expect(ids(selectedConfigurations(options(FOUR)))).toEqual([
      'cp310-manylinux_x86_64',
      'cp311-manylinux_x86_64',
      'cp312-manylinux_x86_64',
      'cp313-manylinux_x86_64'
    ])
  })
})

describe('jobConfigurations', () => {
  test.each<[string, Record<string, string>, string[]]>([
    [
      'no group: every selected identifier',
      FOUR,
      [
        'cp310-manylinux_x86_64',
        'cp311-manylinux_x86_64',
        'cp312-manylinux_x86_64',
        'cp313-manylinux_x86_64'
      ]
    ],
    [
      'the one group of a platform tag',
      { ...FOUR, group: 'manylinux_x86_64' },
      [
        'cp310-manylinux_x86_64',
        'cp311-manylinux_x86_64',
        'cp312-manylinux_x86_64',
        'cp313-manylinux_x86_64'
      ]
    ],
    [
      'the first of two balanced groups',
      { ...FOUR, 'max-per-job': '2', group: 'manylinux_x86_64-1' },
      ['cp310-manylinux_x86_64', 'cp311-manylinux_x86_64']
    ],
    [
      'the second of two',
      { ...FOUR, 'max-per-job': '2', group: 'manylinux_x86_64-2' },
      ['cp312-manylinux_x86_64', 'cp313-manylinux_x86_64']
    ]
  ])('%s', (_name, inputs, expected) => {
    expect(ids(jobConfigurations(options(inputs)))).toEqual(expected)
  })

  test.each<[string, Record<string, string>, string, RegExp]>([
    [
      'a group the plan does not have',
      { ...FOUR, 'max-per-job': '2', group: 'manylinux_x86_64-3' },
      'manylinux_x86_64-3',
      /groups are manylinux_x86_64-1, manylinux_x86_64-2; pass the same options as the plan job/
    ],
    [
      'a group when nothing is selected',
      { build: 'cp312-win_amd64', group: 'win_amd64' },
      'win_amd64',
      /groups are \(none\)/
    ]
  ])('%s is refused, naming the groups there are', (_name, inputs, value, hint) => {
    let error: unknown
    try {
      jobConfigurations(options(inputs))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    expect([(error as UserError).key, (error as UserError).value]).toEqual(['group', value])
    expect((error as UserError).hint).toMatch(hint)
  })
})
