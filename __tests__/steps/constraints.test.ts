/** The constraints text of a build (`dependency-versions`). */
import { describe, expect, test } from '@jest/globals'
import {
  constraintsFileName,
  constraintsFor,
  pinnedToolRequirements
} from '../../src/steps/constraints.js'
import type { DependencyConstraints } from '../../src/model/options.js'

const FILE: DependencyConstraints = {
  kind: 'file',
  path: '/p/constraints.txt',
  content: 'build==1.0\n',
  byVersion: { '3.12': 'build==1.2\n' }
}

describe('constraints of a build', () => {
  test.each([
    [{ kind: 'latest' } as const, '3.12', undefined],
    [
      { kind: 'packages', packages: ['build==1.1', 'uv==0.5'] } as const,
      '3.12',
      'build==1.1\nuv==0.5\n'
    ],
    [FILE, '3.12.4', 'build==1.2\n'],
    [FILE, '3.11', 'build==1.0\n']
  ])('%j for Python %s', (constraints, version, expected) => {
    expect(constraintsFor(constraints, version)).toBe(expected)
  })

  test.each(['3.9', '3.12', '3.13.1', '3.15'])('pinned for Python %s names every tool', version => {
    const text = constraintsFor({ kind: 'pinned' }, version)!
    for (const tool of ['pip', 'build', 'virtualenv', 'uv', 'auditwheel', 'abi3audit'])
      expect(text).toMatch(new RegExp(`^${tool}==\\d`, 'm'))
  })

  test('a Python newer than the table gets the newest pins', () => {
    expect(constraintsFor({ kind: 'pinned' }, '3.99')).toBe(
      constraintsFor({ kind: 'pinned' }, '3.15')
    )
  })

  test.each([
    ['auditwheel', /^auditwheel==[\d.]+( ; .+)?$/],
    ['abi3audit', /^abi3audit==[\d.]+( ; .+)?$/],
    ['Virtualenv', /^virtualenv==[\d.]+( ; .+)?$/]
  ])('the host tool %s is pinned', (tool, line) => {
    const pinned = pinnedToolRequirements(tool)
    expect(pinned.length).toBeGreaterThan(0)
    for (const requirement of pinned) expect(requirement).toMatch(line)
  })

  test.each(['iniconfig', 'six>=1.16'])('%s, which the pins do not name, stays as given', name => {
    expect(pinnedToolRequirements(name)).toEqual([name])
  })

  test('the file name follows the content', () => {
    expect(constraintsFileName('a==1\n')).toMatch(/^constraints-[0-9a-f]{12}\.txt$/)
    expect(constraintsFileName('a==1\n')).toBe(constraintsFileName('a==1\n'))
    expect(constraintsFileName('a==2\n')).not.toBe(constraintsFileName('a==1\n'))
  })
})
