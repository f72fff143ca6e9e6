import { expect, test } from '@jest/globals'
import {
  checkExtras,
  checkRequirements,
  requirementProblem
} from '../../src/options/requirements.js'

test.each([
  'pytest',
  'pytest>=8',
  'pytest >= 8, < 9',
  'numpy==2.*',
  'requests[socks,security]>=2.31',
  'foo (>=1.0)',
  'importlib-metadata; python_version < "3.10"',
  'pkg @ https://example.org/pkg-1.0.tar.gz',
  'Zope.Interface',
  '-r requirements-test.txt',
  './local/pkg',
  'https://example.org/pkg.whl'
])('%j is a requirement', text => {
  expect(requirementProblem(text)).toBeUndefined()
})

test.each<[string, RegExp]>([
  ['pytest>=', /">=" is not a version specifier/],
  ['pytest=8', /"=8" is not a version specifier/],
  ['~=1', /does not start with a project name/],
  ['numpy~=2', /"~=2" is not a version specifier/],
  ['pkg[a b]', /\[a b\] is not a list of extras/],
  ['pkg;', /empty marker/],
  ['pkg @ ', /no URL after @/],
  ['!pytest', /does not start with a project name/]
])('%j is refused: %s', (text, problem) => {
  expect(requirementProblem(text)).toMatch(problem)
})

test('the error names the key, the value and how to write one', () => {
  expect(() => checkRequirements(['pytest', 'pytest>='], 'test-requires')).toThrow(
    'test-requires: is not a requirement: ">=" is not a version specifier (got "pytest>="). Hint: write requirements as pip does'
  )
})

test.each<[string, boolean]>([
  ['test', true],
  ['test,cli', true],
  ['test, cli', true],
  ['', true],
  ['a b!', false],
  ['te$t', false]
])('test-extras %j is accepted: %s', (text, ok) => {
  const check = () => checkExtras(text, 'test-extras')
  if (ok) expect(check).not.toThrow()
  else expect(check).toThrow(/^test-extras: is not the name of an extra/)
})
