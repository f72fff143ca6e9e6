/** The source digest of a project. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { sourceDigest } from '../../src/cache/sources.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('source digest', () => {
  test('changes with content and names, ignores build outputs', async () => {
    const dir = writeTree(tempDir('src'), { 'setup.py': 'x', 'src/a.c': 'int a;' })
    const first = await sourceDigest(dir)
    writeTree(dir, {
      'build/lib/a.o': 'junk',
      'wheelhouse/x.whl': 'w',
      'pkg.egg-info/PKG-INFO': 'p'
    })
    expect(await sourceDigest(dir)).toBe(first)
    writeTree(dir, { 'src/a.c': 'int b;' })
    const second = await sourceDigest(dir)
    expect(second).not.toBe(first)
    fs.renameSync(path.join(dir, 'src', 'a.c'), path.join(dir, 'src', 'b.c'))
    expect(await sourceDigest(dir)).not.toBe(second)
  })
})
