/** POSIX shell quoting and splitting. */
import { describe, expect, test } from '@jest/globals'
import { join, quote, split } from '../../src/util/shlex.js'
import { UserError } from '../../src/util/errors.js'

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

describe('join', () => {
  test.each([
    [['python', '-m', 'build', '.'], 'python -m build .'],
    [['pip', 'install', 'numpy>=2', 'a b'], "pip install 'numpy>=2' 'a b'"],
    [[], '']
  ])('%j', (argv, line) => {
    expect(join(argv)).toBe(line)
    expect(split(line)).toEqual(argv)
  })
})
