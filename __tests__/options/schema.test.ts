/** The option table: how a TOML value becomes an option's text, and the table's own consistency. */
import { describe, expect, test } from '@jest/globals'
import {
  FormatError,
  NO_EFFECT,
  OPTION_SPECS,
  SPECS_BY_NAME,
  stringify,
  WHEELWRIGHT_KEYS,
  type OptionFormat
} from '../../src/options/schema.js'

const SPACE: OptionFormat = { kind: 'list', sep: ' ' }
const QUOTED: OptionFormat = { kind: 'list', sep: ' ', quoted: true }
const COMMANDS: OptionFormat = { kind: 'list', sep: ' && ' }
const ENV: OptionFormat = { kind: 'env-table' }
const SETTINGS: OptionFormat = { kind: 'shlex-table', sep: ' ', pairSep: '=', mergeable: true }
const KEY_VALUE: OptionFormat = { kind: 'shlex-table', sep: '; ', pairSep: ':', mergeable: false }
const SCALAR: OptionFormat = { kind: 'scalar' }

describe('stringify', () => {
  test.each<[string, unknown, OptionFormat, string]>([
    ['a string as it is', 'cp3* pp*', SPACE, 'cp3* pp*'],
    ['a number', 3, SCALAR, '3'],
    ['a boolean', false, SCALAR, 'false'],
    ['a list joined', ['cp39-*', 'cp310-*'], SPACE, 'cp39-* cp310-*'],
    ['commands joined by &&', ['make', 'make test'], COMMANDS, 'make && make test'],
    [
      'a quoted list quotes what needs it',
      ['pytest', 'numpy>=2', 'a b'],
      QUOTED,
      "pytest 'numpy>=2' 'a b'"
    ],
    ['numbers in a list', [1, 2], SPACE, '1 2'],
    ['an environment table', { CFLAGS: '-O2 -g', N: 1 }, ENV, 'CFLAGS="-O2 -g" N="1"'],
    ['config-settings', { 'setup-args': '-Dx=1', b: 'y z' }, SETTINGS, "setup-args=-Dx=1 b='y z'"],
    [
      'config-settings with a list value, one pair each',
      { 'setup-args': ['-Da', '-Db'] },
      SETTINGS,
      'setup-args=-Da setup-args=-Db'
    ],
    ['a key:value table', { name: 'build', args: '--x' }, KEY_VALUE, 'name:build; args:--x'],
    ['an empty list', [], SPACE, ''],
    ['an empty table', {}, ENV, '']
  ])('%s', (_name, value, format, expected) => {
    expect(stringify(value, format, 'tool.cibuildwheel.x')).toBe(expected)
  })

  test.each<[string, unknown, OptionFormat, string]>([
    ['a list for a scalar', ['a'], SCALAR, 'a list'],
    ['a list for a table', ['A=1'], ENV, 'a list'],
    ['a table for a list', { a: 1 }, SPACE, 'a table'],
    ['a nested list', [['a']], SPACE, 'a nested list'],
    ['a table in a list', [{ a: 1 }], SPACE, 'a nested table'],
    ['a nested table in an environment table', { A: { B: 1 } }, ENV, 'a nested table'],
    ['a nested list in config-settings', { a: [['x']] }, SETTINGS, 'a nested list'],
    ['null', null, SCALAR, 'object'],
    ['undefined', undefined, SPACE, 'undefined']
  ])('%s is refused as %s', (_name, value, format, got) => {
    let error: unknown
    try {
      stringify(value, format, 'tool.cibuildwheel.x')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(FormatError)
    expect((error as FormatError).got).toBe(got)
    expect((error as FormatError).key).toBe('tool.cibuildwheel.x')
  })
})

describe('the option table', () => {
  test('one spec per name, every name in kebab case', () => {
    const names = OPTION_SPECS.map(s => s.name)
    expect(new Set(names).size).toBe(names.length)
    expect(SPECS_BY_NAME.size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9_]+)*$/)
  })

  test('every option without effect here is an option; none of ours shadows one', () => {
    for (const name of Object.keys(NO_EFFECT)) expect(SPECS_BY_NAME.has(name)).toBe(true)
    for (const name of WHEELWRIGHT_KEYS) expect(SPECS_BY_NAME.has(name)).toBe(false)
  })
})
