/** Compiled files left in a project, named after a failed build. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { strayObjects, strayObjectsWarning } from '../../src/report/stray-objects.js'

function project(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-stray-'))
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), '')
  }
  return dir
}

describe('compiled files in a project', () => {
  test.each([
    ['none', ['setup.py', 'src/spam.c'], []],
    [
      'an in-place build',
      ['setup.py', 'spam.cpython-312-x86_64-linux-gnu.so'],
      ['spam.cpython-312-x86_64-linux-gnu.so']
    ],
    [
      'a versioned library and a .pyd',
      ['lib/libfoo.so.1', 'pkg/x.pyd'],
      ['lib/libfoo.so.1', 'pkg/x.pyd']
    ],
    [
      'inside .git or a venv: not the project',
      ['.git/x.so', '.venv/lib/y.so', 'node_modules/z.so'],
      []
    ]
  ])('%s', (_name, files, expected) => {
    expect(strayObjects(project(files))).toEqual(expected)
  })

  test('at most a handful are named', () => {
    const many = Array.from({ length: 9 }, (_, i) => `m${i}.so`)
    expect(strayObjects(project(many))).toHaveLength(5)
  })

  test('the warning names them and says what to do; none, no warning', () => {
    expect(strayObjectsWarning(project(['a.so']))).toMatch(/\(a\.so\).*Hint: remove them/)
    expect(strayObjectsWarning(project(['a.c']))).toBeUndefined()
  })
})
