/** The option cascade: which level sets an option, how inherit rules merge, where a value came from. */
import { describe, expect, test } from '@jest/globals'
import {
  optionSourcePath,
  optionText,
  resolveOption,
  type CascadeSources,
  type Override
} from '../../src/options/cascade.js'
import type { Table } from '../../src/options/pyproject.js'
import { SPECS_BY_NAME, type OptionSpec } from '../../src/options/schema.js'
import { UserError } from '../../src/util/errors.js'

const specOf = (name: string): OptionSpec => {
  const spec = SPECS_BY_NAME.get(name)
  if (!spec) throw new Error(`no option ${name}`)
  return spec
}

interface Given {
  readonly platformDefaults?: Record<string, string>
  readonly config?: Table
  readonly overrides?: readonly Override[]
  readonly env?: Record<string, string>
  readonly inputs?: Record<string, string>
}

const sources = (given: Given = {}): CascadeSources => ({
  platform: 'linux',
  platformDefaults: given.platformDefaults ?? {},
  config: given.config ?? {},
  overrides: given.overrides ?? [],
  env: given.env ?? {},
  inputs: new Map(Object.entries(given.inputs ?? {}))
})

const override = (select: string, options: Table, inherit: Override['inherit'] = {}): Override => ({
  select,
  options,
  inherit
})

const ID = 'cp312-manylinux_x86_64'

describe('resolveOption: each level replaces the one below', () => {
  test.each<[string, string, Given, string | undefined, string]>([
    ['the built-in default', 'build', {}, ID, '*'],
    ['nothing set and no default', 'before-build', {}, ID, ''],
    [
      "the platform's default over the built-in one",
      'repair-wheel-command',
      { platformDefaults: { 'repair-wheel-command': 'auditwheel repair -w {dest_dir} {wheel}' } },
      ID,
      'auditwheel repair -w {dest_dir} {wheel}'
    ],
    [
      '[tool.cibuildwheel] over the platform default',
      'repair-wheel-command',
      {
        platformDefaults: { 'repair-wheel-command': 'auditwheel repair' },
        config: { 'repair-wheel-command': 'cp {wheel} {dest_dir}' }
      },
      ID,
      'cp {wheel} {dest_dir}'
    ],
    [
      'the platform table over [tool.cibuildwheel]',
      'test-command',
      { config: { 'test-command': 'top', linux: { 'test-command': 'linux' } } },
      ID,
      'linux'
    ],
    [
      "another platform's table is not read",
      'test-command',
      { config: { 'test-command': 'top', macos: { 'test-command': 'mac' } } },
      ID,
      'top'
    ],
    [
      'a matching override over the platform table',
      'test-command',
      {
        config: { linux: { 'test-command': 'linux' } },
        overrides: [override('cp312-*', { 'test-command': 'override' })]
      },
      ID,
      'override'
    ],
    [
      'an override that does not match',
      'test-command',
      {
        config: { 'test-command': 'top' },
        overrides: [override('cp39-*', { 'test-command': 'x' })]
      },
      ID,
      'top'
    ],
    [
      'the later of two matching overrides',
      'test-command',
      {
        overrides: [
          override('cp3*', { 'test-command': 'first' }),
          override('*-manylinux_x86_64', { 'test-command': 'second' })
        ]
      },
      ID,
      'second'
    ],
    [
      'overrides without an identifier (the global pass)',
      'test-command',
      { config: { 'test-command': 'top' }, overrides: [override('*', { 'test-command': 'x' })] },
      undefined,
      'top'
    ],
    [
      'a global option ignores overrides',
      'build',
      { config: { build: 'cp3*' }, overrides: [override('*', { build: 'pp*' })] },
      ID,
      'cp3*'
    ],
    [
      'CIBW_<NAME> over an override',
      'test-command',
      {
        overrides: [override('*', { 'test-command': 'override' })],
        env: { CIBW_TEST_COMMAND: 'env' }
      },
      ID,
      'env'
    ],
    [
      'CIBW_<NAME>_<PLATFORM> over CIBW_<NAME>',
      'test-command',
      { env: { CIBW_TEST_COMMAND: 'env', CIBW_TEST_COMMAND_LINUX: 'env-linux' } },
      ID,
      'env-linux'
    ],
    [
      "another platform's CIBW_<NAME>_<PLATFORM> is not read",
      'test-command',
      { env: { CIBW_TEST_COMMAND: 'env', CIBW_TEST_COMMAND_MACOS: 'mac' } },
      ID,
      'env'
    ],
    [
      'CIBW_<NAME>_<PLATFORM> is not read for an option without one',
      'build',
      { env: { CIBW_BUILD: 'cp312-*', CIBW_BUILD_LINUX: 'pp*' } },
      ID,
      'cp312-*'
    ],
    [
      'an input over every variable',
      'test-command',
      { env: { CIBW_TEST_COMMAND_LINUX: 'env-linux' }, inputs: { 'test-command': 'input' } },
      ID,
      'input'
    ],
    [
      'an empty input still replaces (the option takes empty)',
      'test-command',
      { config: { 'test-command': 'top' }, inputs: { 'test-command': '' } },
      ID,
      ''
    ],
    [
      'an empty value falls through where the option says so',
      'archs',
      { config: { archs: 'aarch64' }, env: { CIBW_ARCHS: '' }, inputs: { archs: '' } },
      ID,
      'aarch64'
    ],
    [
      'a TOML list joined by the option separator',
      'before-build',
      { config: { 'before-build': ['a', 'b c'] } },
      ID,
      'a && b c'
    ],
    [
      'a quoted list',
      'test-requires',
      { config: { 'test-requires': ['pytest', 'a b'] } },
      ID,
      "pytest 'a b'"
    ],
    ['a TOML number as text', 'build-verbosity', { config: { 'build-verbosity': 2 } }, ID, '2'],
    [
      'an environment table as assignments',
      'environment',
      { config: { environment: { A: '1', B: 'x y' } } },
      ID,
      'A="1" B="x y"'
    ],
    [
      'a TOML null is no value',
      'test-command',
      { config: { 'test-command': 'top', linux: { 'test-command': null } } },
      ID,
      'top'
    ],
    [
      'enable adds CIBW_ENABLE to the config instead of replacing it',
      'enable',
      { config: { enable: ['pypy'] }, env: { CIBW_ENABLE: 'cpython-prerelease' } },
      ID,
      'pypy cpython-prerelease'
    ]
  ])('%s', (_name, option, given, identifier, expected) => {
    expect(resolveOption(specOf(option), sources(given), identifier)).toBe(expected)
  })
})

describe('resolveOption: inherit rules of an override', () => {
  test.each<[string, string, Table, Table, 'append' | 'prepend', string]>([
    [
      'commands, append',
      'before-build',
      { 'before-build': 'a' },
      { 'before-build': 'b' },
      'append',
      'a && b'
    ],
    [
      'commands, prepend',
      'before-build',
      { 'before-build': 'a' },
      { 'before-build': 'b' },
      'prepend',
      'b && a'
    ],
    ['append to nothing', 'before-build', {}, { 'before-build': 'b' }, 'append', 'b'],
    [
      'append nothing',
      'before-build',
      { 'before-build': 'a' },
      { 'before-build': '' },
      'append',
      'a'
    ],
    [
      'a space list, append',
      'test-requires',
      { 'test-requires': 'pytest' },
      { 'test-requires': ['numpy'] },
      'append',
      'pytest numpy'
    ],
    [
      'environment, append',
      'environment',
      { environment: { A: '1' } },
      { environment: { B: '2' } },
      'append',
      'A="1" B="2"'
    ],
    [
      'environment, prepend',
      'environment',
      { environment: { A: '1' } },
      { environment: { B: '2' } },
      'prepend',
      'B="2" A="1"'
    ],
    [
      'config-settings, append: the override wins on a shared key',
      'config-settings',
      { 'config-settings': { a: '1', b: '2' } },
      { 'config-settings': { b: '3' } },
      'append',
      'a=1 b=3'
    ],
    [
      'config-settings, prepend: only keys not set yet are added',
      'config-settings',
      { 'config-settings': { a: '1', b: '2' } },
      { 'config-settings': { b: '3', c: '4' } },
      'prepend',
      'b=2 c=4 a=1'
    ]
  ])('%s', (_name, option, base, options, rule, expected) => {
    const given = sources({ config: base, overrides: [override('*', options, { [option]: rule })] })
    expect(resolveOption(specOf(option), given, ID)).toBe(expected)
  })

  test.each([
    ['a key:value table', 'build-frontend', { 'build-frontend': 'build' }],
    ['a scalar', 'build-verbosity', { 'build-verbosity': 1 }]
  ])('%s refuses inheritance, naming the override', (_name, option, options) => {
    const given = sources({
      config: { [option]: Object.values(options)[0] },
      overrides: [override('cp312-*', options, { [option]: 'append' })]
    })
    expect(() => resolveOption(specOf(option), given, ID)).toThrow(
      new UserError('does not support inheritance', {
        key: `tool.cibuildwheel.overrides[select=cp312-*].${option}`,
        hint: 'remove the inherit rule for this option'
      })
    )
  })
})

describe('optionText: a value of a shape the option does not take', () => {
  test.each<[string, string, unknown, string]>([
    ['a table for a command list', 'before-build', { a: 1 }, 'cannot take a table'],
    ['a list for a scalar', 'build-verbosity', [1, 2], 'cannot take a list'],
    ['a nested list in a list', 'test-requires', [['pytest']], 'cannot take a nested list'],
    [
      'a nested table in an environment',
      'environment',
      { A: { B: 1 } },
      'cannot take a nested table'
    ]
  ])('%s is refused, naming the key and the value', (_name, option, value, message) => {
    const key = `tool.cibuildwheel.${option}`
    let error: unknown
    try {
      optionText(value, specOf(option), key)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).key).toBe(key)
    expect((error as UserError).value).toBe(JSON.stringify(value))
    expect((error as UserError).message).toContain(message)
    expect((error as UserError).hint).toBe(`see the cibuildwheel documentation of ${option}`)
  })

  test('a bad shape in the cascade is refused with the level that holds it', () => {
    const given = sources({ config: { linux: { 'before-build': { a: 1 } } } })
    expect(() => resolveOption(specOf('before-build'), given, ID)).toThrow(
      /^tool\.cibuildwheel\.linux\.before-build: cannot take a table/
    )
  })
})

describe('optionSourcePath: where the value was last set', () => {
  test.each<[string, string, Given, string | undefined, string | undefined, string | undefined]>([
    ['nothing set, and an empty default', 'test-command', {}, ID, undefined, undefined],
    ['only the built-in default', 'build', {}, ID, undefined, 'default'],
    [
      'the config file',
      'test-command',
      { config: { 'test-command': 'x' } },
      ID,
      undefined,
      'tool.cibuildwheel.test-command'
    ],
    [
      'the platform table',
      'test-command',
      { config: { 'test-command': 'x', linux: { 'test-command': 'y' } } },
      ID,
      undefined,
      'tool.cibuildwheel.linux.test-command'
    ],
    [
      'an override, by its index',
      'test-command',
      {
        overrides: [
          override('cp39-*', { 'test-command': 'a' }),
          override('cp312-*', { 'test-command': 'b' })
        ]
      },
      ID,
      undefined,
      'tool.cibuildwheel.overrides[1].test-command'
    ],
    [
      'a variable',
      'test-command',
      { config: { 'test-command': 'x' }, env: { CIBW_TEST_COMMAND_LINUX: 'y' } },
      ID,
      undefined,
      'CIBW_TEST_COMMAND_LINUX'
    ],
    [
      'an input',
      'test-command',
      { env: { CIBW_TEST_COMMAND: 'y' }, inputs: { 'test-command': 'z' } },
      ID,
      undefined,
      'test-command'
    ],
    [
      'an empty level does not count',
      'test-command',
      { config: { 'test-command': 'x' }, env: { CIBW_TEST_COMMAND: '' } },
      ID,
      undefined,
      'tool.cibuildwheel.test-command'
    ],
    [
      'levels that add up: the one holding the bad value',
      'enable',
      { config: { enable: ['pypy', 'bogus'] }, env: { CIBW_ENABLE: 'cpython-prerelease' } },
      ID,
      'bogus',
      'tool.cibuildwheel.enable'
    ],
    [
      'a bad value no level holds: the last level',
      'enable',
      { config: { enable: ['pypy'] }, env: { CIBW_ENABLE: 'cpython-prerelease' } },
      ID,
      'elsewhere',
      'CIBW_ENABLE'
    ]
  ])('%s', (_name, option, given, identifier, badValue, expected) => {
    expect(optionSourcePath(specOf(option), sources(given), identifier, badValue)).toBe(expected)
  })
})
