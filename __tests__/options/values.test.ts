/** Parsers of single option values: each takes what it should, and names the key and value when not. */
import { describe, expect, test } from '@jest/globals'
import {
  booleanValue,
  integerInRange,
  nonEmpty,
  parseChoice,
  parseEnable,
  parseParallel,
  pep440Range,
  positiveInt,
  pythonVersionsRange
} from '../../src/options/values.js'
import { UserError } from '../../src/util/errors.js'

/** The UserError `run` throws, for its fields. */
function refusal(run: () => unknown): UserError {
  try {
    run()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

test.each<[string | undefined, string | undefined]>([
  [undefined, undefined],
  ['', undefined],
  ['  \n', undefined],
  [' x ', 'x']
])('nonEmpty(%j) → %j', (value, expected) => expect(nonEmpty(value)).toBe(expected))

describe('booleanValue', () => {
  test.each<[string, boolean]>([
    ['true', true],
    ['Yes', true],
    ['on', true],
    ['1', true],
    [' false ', false],
    ['NO', false],
    ['off', false],
    ['0', false]
  ])('%j → %s', (value, expected) => expect(booleanValue(value, 'cache')).toBe(expected))

  test.each(['maybe', '', '2', 'truee'])('%j is refused', value => {
    const error = refusal(() => booleanValue(value, 'cache'))
    expect([error.key, error.value]).toEqual(['cache', value])
    expect(error.message).toContain('takes true or false')
  })
})

describe('parseChoice', () => {
  const choices = ['true', 'false', 'tag']
  test.each<[string | undefined, string]>([
    [undefined, 'false'],
    ['tag', 'tag'],
    ['true', 'true'],
    ['yes', 'true'],
    ['off', 'false']
  ])('%j → %s', (value, expected) =>
    expect(parseChoice({ value, key: 'publish' }, choices, 'false')).toBe(expected)
  )

  test('a value outside the choices names them', () => {
    const error = refusal(() => parseChoice({ value: 'tags', key: 'publish' }, choices, 'false'))
    expect([error.key, error.value, error.hint]).toEqual([
      'publish',
      'tags',
      'use true, false, tag'
    ])
  })

  test('a boolean word is read only when a boolean is a choice', () => {
    const error = refusal(() => parseChoice({ value: 'yes', key: 'mode' }, ['a', 'b'], 'a'))
    expect(error.value).toBe('yes')
  })
})

describe('whole numbers', () => {
  test.each<[string | undefined, number, number]>([
    [undefined, 3, 3],
    ['auto', 3, 3],
    ['auto', 0, 1],
    ['2', 8, 2],
    ['16', 2, 16]
  ])('parseParallel(%j) with %i cores → %i', (value, cpus, expected) =>
    expect(parseParallel({ value, key: 'parallel' }, cpus)).toBe(expected)
  )

  test.each(['0', '-1', '1.5', 'two', '', ' 2'])('positiveInt refuses %j', value => {
    const error = refusal(() => positiveInt({ value, key: 'max-per-job' }, 1))
    expect([error.key, error.value, error.message]).toEqual([
      'max-per-job',
      value,
      expect.stringContaining('must be a positive whole number')
    ])
  })

  test.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    [' 30 ', 30],
    ['1', 1],
    ['600', 600]
  ])('integerInRange(%j) from 1 to 600 → %j', (value, expected) =>
    expect(integerInRange({ value, key: 'index-timeout' }, 1, 600, 'seconds')).toBe(expected)
  )

  test.each(['0', '601', '1e3', '-5', '2.5'])('integerInRange refuses %j', value => {
    const error = refusal(() => integerInRange({ value, key: 'index-timeout' }, 1, 600, 'seconds'))
    expect([error.key, error.value, error.hint]).toEqual(['index-timeout', value, 'seconds'])
    expect(error.message).toContain('must be a whole number from 1 to 600')
  })
})

describe('parseEnable', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['pypy', ['pypy']],
    ['pypy  graalpy\ncpython-prerelease', ['pypy', 'graalpy', 'cpython-prerelease']],
    [
      'pypy all',
      ['cpython-prerelease', 'graalpy', 'pypy', 'pypy-eol', 'pyodide-eol', 'pyodide-prerelease']
    ]
  ])('%j → %j', (value, groups) => expect([...parseEnable(value, 'enable')]).toEqual(groups))

  test.each<[string, string, RegExp]>([
    ['pypy pyp', 'pyp', /did you mean pypy\?/],
    [
      'cpython-freethreading',
      'cpython-freethreading',
      /valid groups are cpython-prerelease, .*, or all/
    ]
  ])('%j is refused, naming the word', (value, word, hint) => {
    const error = refusal(() => parseEnable(value, 'CIBW_ENABLE'))
    expect([error.key, error.value]).toEqual(['CIBW_ENABLE', word])
    expect(error.hint).toMatch(hint)
  })
})

describe('version ranges', () => {
  test.each<[string, string[], string[]]>([
    ['>=3.10', ['3.10', '3.13.1'], ['3.9']],
    ['>=3.10,<3.13', ['3.10', '3.12.9'], ['3.13', '3.9']],
    ['~=3.11', ['3.11', '3.14'], ['3.10', '4.0']],
    ['==3.12.*', ['3.12.0', '3.12.7'], ['3.13']]
  ])('pep440Range %s', (text, inside, outside) => {
    const range = pep440Range({ text, key: 'requires-python' })
    for (const v of inside) expect([v, range(v)]).toEqual([v, true])
    for (const v of outside) expect([v, range(v)]).toEqual([v, false])
  })

  test.each<[string, string[], string[]]>([
    ['>=3.10', ['3.10', '3.14'], ['3.9']],
    ['3.10 - 3.12', ['3.10', '3.12'], ['3.13']],
    ['^3.11', ['3.11', '3.14'], ['3.10']]
  ])(
    'pythonVersionsRange %s (PEP 440, or the npm ranges of earlier releases)',
    (text, inside, outside) => {
      const range = pythonVersionsRange(text, 'python-versions')
      for (const v of inside) expect([v, range(v)]).toEqual([v, true])
      for (const v of outside) expect([v, range(v)]).toEqual([v, false])
    }
  )

  test.each<[string, (text: string) => unknown]>([
    ['>>3.10', text => pep440Range({ text, key: 'python-versions' })],
    ['three', text => pep440Range({ text, key: 'python-versions' })],
    ['>>3.10', text => pythonVersionsRange(text, 'python-versions')],
    ['latest', text => pythonVersionsRange(text, 'python-versions')],
    ['3.10; rm -rf /', text => pythonVersionsRange(text, 'python-versions')]
  ])('%j is refused with a PEP 440 hint', (text, parse) => {
    const error = refusal(() => parse(text))
    expect([error.key, error.value]).toEqual(['python-versions', text])
    expect(error.message).toContain('is not a valid version specifier')
    expect(error.hint).toMatch(/PEP 440/)
  })
})
