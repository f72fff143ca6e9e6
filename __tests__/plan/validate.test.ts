/** Selector checks before planning, as cibuildwheel's preamble: errors for build, warnings for skip. */
import { describe, expect, test } from '@jest/globals'
import { validateSelectors } from '../../src/plan/validate.js'
import type { EnableGroup } from '../../src/model/selector.js'
import { EXIT, UserError } from '../../src/util/errors.js'

const selectors = (
  given: Partial<{ build: string; skip: string; testSkip: string; enable: EnableGroup[] }>
) => ({
  build: given.build ?? '*',
  skip: given.skip ?? '',
  testSkip: given.testSkip ?? '',
  enable: new Set(given.enable ?? [])
})

describe('validateSelectors: patterns that match', () => {
  test.each<[string, Parameters<typeof selectors>[0]]>([
    ['every identifier', {}],
    ['a version on one platform', { build: 'cp312-manylinux_x86_64' }],
    [
      'an identifier of another platform than this one',
      { build: 'cp313-win_amd64 cp39-macosx_arm64' }
    ],
    ['brace lists', { build: 'cp3{10,11}-*' }],
    ['pypy when enabled', { build: 'pp311-*', enable: ['pypy'] }],
    ['skip and test-skip that match', { skip: '*-musllinux_* cp39-*', testSkip: '*-win32' }],
    [
      'a test-skip with an arch suffix (cibuildwheel macOS form)',
      { testSkip: 'cp312-macosx_*:arm64' }
    ]
  ])('%s: no error, no warning', (_name, given) => {
    expect(validateSelectors(selectors(given))).toEqual([])
  })
})

describe('validateSelectors: a build pattern that matches nothing stops the run', () => {
  test.each<[string, Parameters<typeof selectors>[0], string, number, RegExp]>([
    [
      'no such identifier',
      { build: 'cp312-*  cp99-*' },
      'cp99-*',
      EXIT.configuration,
      /see `wheelwright plan --print-identifiers --archs all`/
    ],
    [
      'a group that is not enabled',
      { build: 'pp311-*' },
      'pp311-*',
      EXIT.configuration,
      /matches a group that is not enabled; add it to `enable`/
    ],
    [
      'Python 2 or < 3.9: deprecated (exit 4)',
      { build: 'cp27-*' },
      'cp27-*',
      EXIT.deprecated,
      /Python < 3\.9 is not supported/
    ],
    [
      'cp38',
      { build: 'cp38-manylinux_x86_64' },
      'cp38-manylinux_x86_64',
      EXIT.deprecated,
      /Python < 3\.9/
    ],
    [
      '3.13 free-threading',
      { build: 'cp313t-*' },
      'cp313t-*',
      EXIT.deprecated,
      /CPython 3\.13 free-threading is not supported/
    ]
  ])('%s', (_name, given, pattern, exitCode, hint) => {
    let error: unknown
    try {
      validateSelectors(selectors(given), 'only')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    const e = error as UserError
    expect([e.key, e.value, e.exitCode]).toEqual(['only', pattern, exitCode])
    expect(e.message).toMatch(/selector matches no identifier/)
    expect(e.hint).toMatch(hint)
  })
})

describe('validateSelectors: skip patterns that match nothing are warnings', () => {
  test.each<[string, Parameters<typeof selectors>[0], string[]]>([
    [
      'skip',
      { skip: 'cp99-*' },
      ['skip: selector "cp99-*" matches no identifier and has no effect']
    ],
    [
      'skip of a legacy version',
      { skip: 'cp27-* cp36-*' },
      [
        'skip: selector "cp27-*" matches no identifier and has no effect (Python < 3.9 is not supported)',
        'skip: selector "cp36-*" matches no identifier and has no effect (Python < 3.9 is not supported)'
      ]
    ],
    [
      'test-skip of a group not enabled',
      { testSkip: 'gp*' },
      [
        'test-skip: selector "gp*" matches no identifier and has no effect (it matches a group that is not enabled; add it to `enable` or remove the pattern)'
      ]
    ],
    [
      'a test-skip with an arch suffix is checked without it',
      { testSkip: 'cp99-*:arm64' },
      ['test-skip: selector "cp99-*:arm64" matches no identifier and has no effect']
    ]
  ])('%s', (_name, given, warnings) => {
    expect(validateSelectors(selectors(given))).toEqual(warnings)
  })
})
