/** Build selectors: fnmatch, brace expansion, enable groups, requires-python. */
import { describe, expect, test } from '@jest/globals'
import {
  expandPatterns,
  fnmatch,
  isSelected,
  requiredGroup,
  selectorMatches
} from '../../src/model/selector.js'

describe('fnmatch (Python semantics)', () => {
  test.each([
    ['cp312-manylinux_x86_64', 'cp312-*', true],
    ['cp312-manylinux_x86_64', '*-manylinux_*', true],
    ['cp312-manylinux_x86_64', 'cp31?-*', true],
    ['cp39-manylinux_x86_64', 'cp31?-*', false],
    ['cp39-win32', 'cp3[89]-*', true],
    ['cp37-win32', 'cp3[!89]-*', true],
    ['cp39-win32', 'cp3[!89]-*', false],
    ['a/b', '*', true],
    ['CP39-win32', 'cp39-*', false],
    ['cp39-win32', 'cp39-win[', false],
    ['cp39-win[', 'cp39-win[', true]
  ])('%s ~ %s = %s', (value, pattern, expected) => expect(fnmatch(value, pattern)).toBe(expected))
})

describe('selectors with brace expansion', () => {
  test.each([
    ['cp3{9..11}-*', 'cp310-manylinux_x86_64', true],
    ['cp3{9..11}-*', 'cp312-manylinux_x86_64', false],
    ['cp{39,31{0,1}}-*', 'cp311-win32', true],
    ['cp39-* cp312-*', 'cp312-win32', true],
    ['*-{manylinux,musllinux}_x86_64', 'cp39-musllinux_x86_64', true],
    ['', 'cp39-win32', false]
  ])('%s matches %s: %s', (patterns, id, expected) =>
    expect(selectorMatches(patterns, id)).toBe(expected)
  )
})

describe('the expansion limit (bracex: 1000 a word, as cibuildwheel)', () => {
  test.each([
    ['{1..1000}', 1000],
    ['cp3{0..9}{0..9}{0..9}-*', 1000],
    ['{1..1000} {1..1000}', 2000]
  ])('%s expands to %i patterns', (patterns, count) =>
    expect(expandPatterns(patterns)).toHaveLength(count)
  )

  test.each([
    ['{1..1001}', '{1..1001}'],
    ['cp3{0..9}{0..9}{0..9}{a,b}-*', 'cp3{0..9}{0..9}{0..9}{a,b}-*'],
    [
      'cp39-* {0..9}{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}',
      '{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}{0..9}'
    ]
  ])('%s is refused at once, naming the key and the word', (patterns, word) => {
    const started = Date.now()
    expect(() => expandPatterns(patterns, 'build')).toThrow(
      `build: expands to more than 1000 patterns (got ${JSON.stringify(word)})`
    )
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('enable groups and versions', () => {
  test.each([
    ['cp316-manylinux_x86_64', 'cpython-prerelease'],
    ['pp39-manylinux_x86_64', 'pypy-eol'],
    ['pp310-win_amd64', 'pypy-eol'],
    ['pp311-macosx_arm64', 'pypy'],
    ['gp312_250-manylinux_x86_64', 'graalpy'],
    ['cp312-manylinux_x86_64', undefined]
  ])('%s needs %s', (id, group) => expect(requiredGroup(id)).toBe(group))

  test('requires-python is checked at X.Y.99 and python-versions is ANDed', () => {
    const base = { build: '*', skip: '', enable: new Set<never>() }
    const seen: string[] = []
    isSelected({ ...base, requiresPython: v => (seen.push(v), true) }, 'cp314t-manylinux_x86_64')
    expect(seen).toEqual(['3.14.99'])
    expect(isSelected({ ...base, pythonVersions: v => v.startsWith('3.12') }, 'cp313-win32')).toBe(
      false
    )
    expect(isSelected({ ...base, skip: 'cp313-*' }, 'cp313-win32')).toBe(false)
  })
})
