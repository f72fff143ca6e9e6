/** Interpreter discovery on the runner. */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import {
  minorOfName,
  toolCacheCandidates,
  worthProbing,
  type Candidate
} from '../../src/python/interpreters.js'
import { layoutOf, toolCacheFixture } from '../helpers/toolcache.js'

const root = toolCacheFixture()
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('tool-cache lookup', () => {
  test('discovery lists tool-cache interpreters through the same lookup', () => {
    expect(
      toolCacheCandidates(root, 'x64', layoutOf('linux')).map(c => path.relative(root, c.path))
    ).toEqual([
      path.join('Python', '3.12.10', 'x64', 'bin', 'python3'),
      path.join('Python', '3.12.1', 'x64', 'bin', 'python3'),
      path.join('Python', '3.13.2', 'x64-freethreaded', 'bin', 'python3.13t')
    ])
    expect(toolCacheCandidates(root, 'x64', layoutOf('linux')).map(c => c.minor)).toEqual([
      '3.12',
      '3.12',
      '3.13'
    ])
  })
})

describe('which candidates are started to ask their version', () => {
  test.each<[string, string | undefined]>([
    ['3.12.1', '3.12'],
    ['3.13.0t', '3.13'],
    ['3.12-dev', '3.12'],
    ['3.10.13', '3.10'],
    ['python3.11', '3.11'],
    ['python3.13t', '3.13'],
    ['pypy3.9', '3.9'],
    ['pypy3.10-7.3.12', '3.10'],
    ['python3', undefined],
    ['pypy3', undefined],
    ['graalpy-24.1.0', undefined],
    ['miniconda3-latest', undefined]
  ])('the name %s names Python %s', (name, minor) => {
    expect(minorOfName(name)).toBe(minor)
  })

  const candidate = (minor?: string): Candidate => ({ path: '/p', source: 'pyenv', minor })
  test.each<[string, Candidate, ReadonlySet<string> | undefined, boolean]>([
    ['a wanted version', candidate('3.12'), new Set(['3.12', '3.13']), true],
    ['a version nobody selected', candidate('3.9'), new Set(['3.12', '3.13']), false],
    ['a path that names no version', candidate(), new Set(['3.12']), true],
    ['any version when nothing narrows the search', candidate('3.9'), undefined, true]
  ])('%s', (_name, c, minors, probed) => {
    expect(worthProbing(c, minors)).toBe(probed)
  })
})
