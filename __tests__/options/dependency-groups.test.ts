/** `test-groups`: PEP 735 dependency groups resolved to requirements. */
import { describe, expect, test } from '@jest/globals'
import { dependencyGroupRequirements } from '../../src/options/dependency-groups.js'

const GROUPS = {
  test: ['pytest>=8', { 'include-group': 'Typing_Extras' }],
  'typing-extras': ['mypy'],
  docs: ['sphinx'],
  loop: [{ 'include-group': 'loop' }],
  broken: [3],
  'not-a-list': 'pytest'
}

describe('dependency groups', () => {
  test.each([
    [['test'], ['pytest>=8', 'mypy']],
    [
      ['docs', 'test'],
      ['sphinx', 'pytest>=8', 'mypy']
    ],
    [['typing.extras'], ['mypy']],
    [[], []]
  ])('%j → %j', (names, expected) => {
    expect(dependencyGroupRequirements(GROUPS, names)).toEqual(expected)
  })

  test.each([
    [['nope'], /test-groups: names no dependency group of pyproject.toml \(got "nope"\)/],
    [['loop'], /test-groups: dependency group loop includes itself/],
    [['broken'], /dependency-groups.broken: holds an entry that is neither/],
    [['not-a-list'], /dependency-groups.not-a-list: must be a list/]
  ])('%j is refused', (names, message) => {
    expect(() => dependencyGroupRequirements(GROUPS, names)).toThrow(message)
  })
})
