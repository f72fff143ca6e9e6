/** Interpreter discovery on the runner. */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { toolCacheCandidates } from '../../src/python/interpreters.js'
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
  })
})
