/** Finding the wheels and sdists under a dir, and their hashes. */
import crypto from 'node:crypto'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { distributionsUnder, sha256File } from '../../src/publish/files.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('distributionsUnder', () => {
  test('every wheel and sdist at any depth, sorted; nothing else', () => {
    const dir = writeTree(tempDir('dists'), {
      'b/spam-1.0-cp312-cp312-linux_x86_64.whl': 'w',
      'a/deep/er/spam-1.0.tar.gz': 's',
      'spam-1.0.zip': 'old sdist',
      'spam-1.0-py3-none-any.whl': 'w',
      'notes.txt': '',
      'spam-1.0.tar.gz.sha256': '',
      'wheel.whl/inside.txt': 'a dir named like a wheel'
    })
    expect(distributionsUnder(dir).map(f => path.relative(dir, f))).toEqual([
      'a/deep/er/spam-1.0.tar.gz',
      'b/spam-1.0-cp312-cp312-linux_x86_64.whl',
      'spam-1.0-py3-none-any.whl',
      'spam-1.0.zip'
    ])
  })

  test.each([
    ['a dir that does not exist', (root: string) => path.join(root, 'missing')],
    ['an empty dir', (root: string) => root]
  ])('%s: none', (_name, dirOf) => {
    expect(distributionsUnder(dirOf(tempDir('none')))).toEqual([])
  })
})

test.each(['', 'spam', 'x'.repeat(100_000)])('sha256File of %#', content => {
  const file = path.join(writeTree(tempDir('hash'), { f: content }), 'f')
  expect(sha256File(file)).toBe(crypto.createHash('sha256').update(content).digest('hex'))
})
