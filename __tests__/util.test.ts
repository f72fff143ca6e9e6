import { describe, expect, test } from '@jest/globals'
import { quote, split } from '../src/util/shlex.js'
import { changedVariables, environmentScript, parseEnvZ } from '../src/steps/environment.js'
import { shellArgv, substitutePlaceholders } from '../src/steps/placeholders.js'
import { closest } from '../src/util/text.js'
import { parsePyproject } from '../src/options/pyproject.js'
import { UserError } from '../src/util/errors.js'

describe('shlex', () => {
  test.each([
    ['', "''"],
    ['plain', 'plain'],
    ['two words', "'two words'"],
    ["it's", `'it'"'"'s'`],
    ['numpy>=2', "'numpy>=2'"]
  ])('quote %j', (value, expected) => expect(quote(value)).toBe(expected))

  test.each([
    ['a b  c', ['a', 'b', 'c']],
    [`'x y' "z \\"q\\"" w\\ v`, ['x y', 'z "q"', 'w v']],
    ['a # comment', ['a']],
    ["''", ['']]
  ])('split %j', (value, expected) => expect(split(value)).toEqual(expected))

  test('round trip', () => {
    const values = ['a b', "c'd", 'e"f', '$HOME', '']
    expect(split(values.map(quote).join(' '))).toEqual(values)
  })

  test.each(['"open', "'open", 'end\\'])('malformed %j', value => {
    expect(() => split(value, 'test-requires')).toThrow(UserError)
  })
})

describe('environment evaluation pieces', () => {
  test('script runs the assignments and dumps env', () => {
    expect(environmentScript('A=1 B="$A x"')).toBe('set -a\nA=1 B="$A x"\nset +a\nenv -0')
  })
  test('env -0 parsing and change detection', () => {
    const after = parseEnvZ('A=1\0B=x=y\0PATH=/a:/b\0SHLVL=2\0')
    expect(after.get('B')).toBe('x=y')
    expect(changedVariables({ PATH: '/a:/b', A: '0' }, after)).toEqual({ A: '1', B: 'x=y' })
  })
})

describe('placeholders', () => {
  test.each([
    [
      'auditwheel repair -w {dest_dir} {wheel}',
      'auditwheel repair -w "${WHEELWRIGHT_DEST_DIR}" "${WHEELWRIGHT_WHEEL}"'
    ],
    ['pytest {project}/tests', 'pytest "${WHEELWRIGHT_PROJECT}"/tests'],
    ['echo #{wheel} {other}', 'echo {wheel} {other}'],
    [
      'abi3audit --strict --report {abi3_wheel}',
      'abi3audit --strict --report "${WHEELWRIGHT_WHEEL}"'
    ]
  ])('%s', (command, expected) => expect(substitutePlaceholders(command, 'bash')).toBe(expected))

  test('cmd style', () => {
    expect(shellArgv('delvewheel repair -w {dest_dir} {wheel}', 'cmd')).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      'delvewheel repair -w "%WHEELWRIGHT_DEST_DIR%" "%WHEELWRIGHT_WHEEL%"'
    ])
  })
})

describe('text helpers', () => {
  test('closest suggests typos only', () => {
    expect(closest('test-comand', ['test-command', 'build'])).toBe('test-command')
    expect(closest('xyz', ['test-command', 'build'])).toBeUndefined()
  })
})

describe('pyproject parsing', () => {
  test.each([
    ['x = ', 'line 1'],
    ['[project]\nname = "x"\n[project]\n', 'line 3'],
    ['a = "unterminated\n', 'line 1']
  ])('malformed TOML %j names the line', (text, where) => {
    expect(() => parsePyproject(text, 'pyproject.toml')).toThrow(where)
  })
  test('tables', () => {
    const parsed = parsePyproject(
      '[tool.cibuildwheel]\nbuild = "cp3*"\n[tool.wheelwright]\nparallel = 2\n[project]\nname = "x"\n',
      'pyproject.toml'
    )
    expect(parsed).toEqual({
      cibuildwheel: { build: 'cp3*' },
      wheelwright: { parallel: 2 },
      project: { name: 'x' }
    })
  })
})
